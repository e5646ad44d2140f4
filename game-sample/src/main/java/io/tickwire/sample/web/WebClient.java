package io.tickwire.sample.web;

import io.tickwire.net.server.FixedPageRoute;
import io.tickwire.net.server.HttpRoute;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The routes of the web client: {@code /} (index.html), {@code /style.css}, {@code /app.js} and its source
 * map, read once from the classpath. Immutable once built.
 */
public final class WebClient {
    private static final String SITE = "/io/tickwire/sample/web/site/";

    private WebClient() {
    }

    /**
     * The routes, in memory.
     *
     * @throws IllegalStateException if the bundle is not on the classpath (the build's esbuild step did not run)
     */
    public static List<HttpRoute> routes() {
        List<HttpRoute> routes = new ArrayList<>();
        routes.add(new FixedPageRoute("/", "text/html; charset=UTF-8", read("index.html")));
        routes.add(new FixedPageRoute("/style.css", "text/css; charset=UTF-8", read("style.css")));
        routes.add(new FixedPageRoute("/app.js", "text/javascript; charset=UTF-8", read("app.js")));
        routes.add(new FixedPageRoute("/app.js.map", "application/json", read("app.js.map")));
        return routes;
    }

    private static byte[] read(String name) {
        try (InputStream in = WebClient.class.getResourceAsStream(SITE + name)) {
            if (in == null) {
                throw new IllegalStateException("the web client's " + name + " is not on the classpath: build game-sample"
                        + " with Maven (it bundles src/main/web with esbuild; needs Node.js and `npm ci` at the root)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
