package io.tickwire.loadtest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code ./run loadtest serve --port N}: the broadcast scenario's server on our stack, until killed. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the broadcast scenario's handler (loadtest/README.md) on our Socket.IO server.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "3000", description = "the port to listen on (0: a free one)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "the address to listen on")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        BroadcastScenarioServer server = BroadcastScenarioServer.start(host, port);
        System.out.println("{\"port\":" + server.port() + "}");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "broadcast-server-shutdown"));
        new CountDownLatch(1).await();
        return 0;
    }
}
