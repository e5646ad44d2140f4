package io.tickwire.loadtest;

import io.tickwire.net.server.IoTransport;
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

    @Option(names = "--io-transport", defaultValue = "auto", paramLabel = "NAME",
            description = "socket I/O: auto (epoll, else nio), epoll, io_uring or nio")
    String ioTransport;

    @Option(names = "--io-threads", defaultValue = "0", paramLabel = "N",
            description = "event loop threads; 0: one per core")
    int ioThreads;

    @Override
    public Integer call() throws InterruptedException {
        int threads = ioThreads > 0 ? ioThreads : Runtime.getRuntime().availableProcessors();
        BroadcastScenarioServer server = BroadcastScenarioServer.start(host, port, IoTransport.parse(ioTransport), threads);
        System.out.println("{\"port\":" + server.port() + "}");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "broadcast-server-shutdown"));
        new CountDownLatch(1).await();
        return 0;
    }
}
