package io.tickwire.loadtest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code ./run loadtest serve-game --port N}: the game scenario's server (the arena game), until killed. */
@Command(name = "serve-game", mixinStandardHelpOptions = true,
        description = "Hosts the arena game of the game scenario (loadtest/README.md) on namespace /game.")
final class ServeGameCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "3000", description = "the port to listen on (0: a free one)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "the address to listen on")
    String host;

    @Option(names = "--max-players", defaultValue = "10", description = "players per match")
    int maxPlayers;

    @Override
    public Integer call() throws InterruptedException {
        GameScenarioServer server = GameScenarioServer.start(host, port, maxPlayers);
        System.out.println("{\"port\":" + server.port() + "}");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "game-server-shutdown"));
        new CountDownLatch(1).await();
        return 0;
    }
}
