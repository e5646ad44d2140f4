package io.tickwire.sample;

import io.tickwire.net.server.FixedPageRoute;
import io.tickwire.net.server.HttpRoute;
import io.tickwire.net.server.HttpServer;
import io.tickwire.net.socketio.SocketIoOptions;
import io.tickwire.net.socketio.SocketIoServer;

import java.nio.charset.StandardCharsets;

/**
 * What {@code ./run} starts until the arena game exists: a Socket.IO server on http://localhost:3000 with a
 * small shared chat page at {@code /} that uses the official browser client, served by this server at
 * {@code /socket.io/socket.io.min.js} (nothing external is loaded).
 */
public final class SampleServer {
    private static final String PAGE = """
            <!doctype html>
            <meta charset="utf-8">
            <title>Tickwire</title>
            <style>body{font:16px system-ui;max-width:40em;margin:2em auto}#log{list-style:none;padding:0}</style>
            <h1>Tickwire</h1>
            <p>The sample game is not built yet. Meanwhile this page is a shared chat on the Tickwire
            Socket.IO server, using the official <code>socket.io-client</code>: open it in two tabs.</p>
            <p id="status">Connecting&hellip;</p>
            <form id="form"><input id="text" autocomplete="off" placeholder="Say something"> <button>Send</button></form>
            <ul id="log"></ul>
            <script src="/socket.io/socket.io.min.js"></script>
            <script>
              const socket = io();
              const log = (text) => {
                const li = document.createElement("li");
                li.textContent = text;
                document.getElementById("log").prepend(li);
              };
              socket.on("connect", () => {
                document.getElementById("status").textContent = "Connected as " + socket.id
                  + " over " + socket.io.engine.transport.name;
              });
              socket.io.engine.on("upgrade", (t) => {
                document.getElementById("status").textContent = "Connected as " + socket.id + " over " + t.name;
              });
              socket.on("online", (count) => log(count + " online"));
              socket.on("chat", (from, text) => log(from.slice(0, 6) + ": " + text));
              document.getElementById("form").onsubmit = (e) => {
                e.preventDefault();
                const input = document.getElementById("text");
                if (input.value) socket.emit("chat", input.value, (ok) => ok || log("(not sent)"));
                input.value = "";
              };
            </script>
            """;

    private SampleServer() {
    }

    /** Starts on 127.0.0.1:3000, or the port given as the first argument; runs until killed. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        SocketIoServer io = new SocketIoServer(SocketIoOptions.defaults());
        io.onConnection(socket -> {
            io.emit("online", io.sockets().sockets().size());
            socket.on("chat", (messageArgs, ack) -> {
                String text = messageArgs.size() > 0 && messageArgs.get(0).isString() ? messageArgs.get(0).asString() : "";
                boolean ok = !text.isEmpty() && text.length() <= 500;
                if (ok) {
                    io.emit("chat", socket.id(), text);
                }
                if (ack != null) {
                    ack.send(ok);
                }
            });
            socket.onDisconnect(reason -> io.emit("online", io.sockets().sockets().size()));
        });
        HttpServer http = HttpServer.builder().port(port)
                .maxRequestBodyBytes(io.options().engine().maxHttpBufferSize())
                .routes(HttpRoute.socketIo(io))
                .route(new FixedPageRoute("/", "text/html; charset=UTF-8", PAGE.getBytes(StandardCharsets.UTF_8)))
                .start();
        System.out.println("Tickwire demo (Socket.IO chat; the game is not built yet) on http://localhost:"
                + http.port() + "/");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            io.close();
            http.close();
        }));
        Thread.currentThread().join();
    }
}
