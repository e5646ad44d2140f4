package io.tickwire.net.engineio;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Computes the CORS response headers of one request as the {@code cors} npm package does for the
 * reference server: simple requests get the origin, credentials and exposed headers; a preflight also
 * gets methods, allowed headers (reflected when not configured) and max age.
 */
final class CorsHeaders {
    private CorsHeaders() {
    }

    /** The headers for {@code request}, or {@code null} when {@code cors} is {@code null} (disabled). */
    static HttpHeaders of(CorsOptions cors, HttpRequest request, boolean preflight) {
        if (cors == null) {
            return null;
        }
        HttpHeaders out = new DefaultHttpHeaders();
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (cors.wildcardOrigin()) {
            out.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        } else {
            if (cors.reflects(origin)) {
                out.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            }
            out.add(HttpHeaderNames.VARY, "Origin");
        }
        if (cors.credentials()) {
            out.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
        if (!cors.exposedHeaders().isEmpty()) {
            out.set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, String.join(",", cors.exposedHeaders()));
        }
        if (preflight) {
            out.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, String.join(",", cors.methods()));
            if (!cors.allowedHeaders().isEmpty()) {
                out.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, String.join(",", cors.allowedHeaders()));
            } else {
                String requested = request.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
                if (requested != null) {
                    out.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, requested);
                }
                out.add(HttpHeaderNames.VARY, "Access-Control-Request-Headers");
            }
            if (cors.maxAgeSeconds() >= 0) {
                out.set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, cors.maxAgeSeconds());
            }
        }
        return out;
    }
}
