package io.tickwire.benchmarks.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One server × parser of {@code bench compare}, each implementing the loadtest broadcast handler
 * (loadtest/README.md), and how to start it as its own process. Every command prints {@code {"port":N}}
 * when it listens on 127.0.0.1 and answers {@code heap} on stdin (HeapProbe, peers/heap-probe.mjs).
 */
enum Contender {
    TICKWIRE_MSGPACK("tickwire", "msgpack"),
    TICKWIRE_JSON("tickwire", "json"),
    NODE_MSGPACK("node", "msgpack"),
    NODE_JSON("node", "json"),
    NETTY_SOCKETIO_JSON("netty-socketio", "json");

    /** Heap bounds of both JVM servers, so their footprints are comparable. */
    static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx1g");

    private final String server;
    private final String parser;

    Contender(String server, String parser) {
        this.server = server;
        this.parser = parser;
    }

    /** {@code tickwire}, {@code node} or {@code netty-socketio}. */
    String server() {
        return server;
    }

    /** {@code json} or {@code msgpack}: the parser the bots use (and the Node server serves). */
    String parser() {
        return parser;
    }

    /** E.g. {@code tickwire msgpack}. */
    String label() {
        return server + " " + parser;
    }

    boolean isTickwire() {
        return this == TICKWIRE_MSGPACK || this == TICKWIRE_JSON;
    }

    /** The peer a Tickwire row is divided by in the ratio table, for the same parser. */
    static List<Contender> peersOf(Contender tickwire) {
        return tickwire == TICKWIRE_MSGPACK ? List.of(NODE_MSGPACK) : List.of(NODE_JSON, NETTY_SOCKETIO_JSON);
    }

    /**
     * The command that starts this server on a free port.
     *
     * @param root      the repository root (for the Node scripts)
     * @param classpath the JVM servers' classpath (this module's runtime classpath)
     * @param tickwireIo the socket implementation of a Tickwire server ({@code serve --io-transport})
     * @param tickwireIoThreads its event loops ({@code serve --io-threads}; 0: one per core)
     */
    List<String> command(Path root, String classpath, String tickwireIo, int tickwireIoThreads) {
        List<String> command = new ArrayList<>();
        switch (server) {
            case "node" -> command.addAll(List.of("node", "--expose-gc", "--import",
                    root.resolve("benchmarks/peers/heap-probe.mjs").toUri().toString(),
                    root.resolve("loadtest/peers/broadcast-server.mjs").toString(), "0",
                    parser.equals("msgpack") ? "msgpack" : "default"));
            case "tickwire" -> command.addAll(java(classpath, "io.tickwire.loadtest.LoadTestCommand", "serve", "--port", "0",
                    "--io-transport", tickwireIo, "--io-threads", String.valueOf(tickwireIoThreads)));
            default -> command.addAll(java(classpath, "io.tickwire.benchmarks.peers.NettySocketIoBroadcastServer", "0"));
        }
        return command;
    }

    static List<String> java(String classpath, String main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", classpath, HeapProbe.class.getName(), main));
        command.addAll(List.of(args));
        return command;
    }

    /** Parses {@code tickwire-msgpack}, {@code node-json}, {@code netty-socketio-json} (case-insensitive). */
    static Contender parse(String text) {
        for (Contender c : values()) {
            if ((c.server + "-" + c.parser).equalsIgnoreCase(text.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown server '" + text
                + "': tickwire-msgpack, tickwire-json, node-msgpack, node-json or netty-socketio-json");
    }
}
