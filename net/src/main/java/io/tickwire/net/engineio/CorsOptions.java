package io.tickwire.net.engineio;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The {@code cors} option: which cross-origin pages may talk to the server, applied to every Engine.IO
 * response and answering preflight {@code OPTIONS} requests with 204, as the {@code cors} npm package
 * that the reference server uses. Build with {@link #anyOrigin()}, {@link #origins(String...)} or
 * {@link #originMatching(Predicate)}, then refine with the {@code with…} methods.
 *
 * @param wildcardOrigin    answer {@code Access-Control-Allow-Origin: *}
 * @param origins           exact origins that are reflected (when {@code wildcardOrigin} is false)
 * @param originPredicate   origins it accepts are reflected, or {@code null}
 * @param credentials       send {@code Access-Control-Allow-Credentials: true}
 * @param methods           the preflight's {@code Access-Control-Allow-Methods}
 * @param allowedHeaders    the preflight's {@code Access-Control-Allow-Headers}; empty reflects the request's
 * @param exposedHeaders    {@code Access-Control-Expose-Headers}; empty sends none
 * @param maxAgeSeconds     the preflight's {@code Access-Control-Max-Age}, or -1 for none
 */
public record CorsOptions(
        boolean wildcardOrigin,
        List<String> origins,
        Predicate<String> originPredicate,
        boolean credentials,
        List<String> methods,
        List<String> allowedHeaders,
        List<String> exposedHeaders,
        long maxAgeSeconds) {

    private static final List<String> DEFAULT_METHODS = List.of("GET", "HEAD", "PUT", "PATCH", "POST", "DELETE");

    /** Validates; prefer the factories. */
    public CorsOptions {
        origins = List.copyOf(origins);
        methods = List.copyOf(methods);
        allowedHeaders = List.copyOf(allowedHeaders);
        exposedHeaders = List.copyOf(exposedHeaders);
        if (wildcardOrigin && credentials) {
            throw new IllegalArgumentException("cors: origin \"*\" cannot be combined with credentials "
                    + "(browsers refuse it); list the origins or use originMatching(origin -> true)");
        }
        if (maxAgeSeconds < -1) {
            throw new IllegalArgumentException("cors.maxAge must be -1 (none) or >= 0, was " + maxAgeSeconds);
        }
    }

    /** {@code origin: "*"}: every page may connect, without credentials. */
    public static CorsOptions anyOrigin() {
        return new CorsOptions(true, List.of(), null, false, DEFAULT_METHODS, List.of(), List.of(), -1);
    }

    /** {@code origin: [..]}: only these exact origins (e.g. {@code https://example.com}) are reflected. */
    public static CorsOptions origins(String... origins) {
        return new CorsOptions(false, List.of(origins), null, false, DEFAULT_METHODS, List.of(), List.of(), -1);
    }

    /** {@code origin: function}: origins the predicate accepts are reflected. Called on an event loop. */
    public static CorsOptions originMatching(Predicate<String> predicate) {
        Objects.requireNonNull(predicate, "cors.origin");
        return new CorsOptions(false, List.of(), predicate, false, DEFAULT_METHODS, List.of(), List.of(), -1);
    }

    /** {@code credentials}: also send {@code Access-Control-Allow-Credentials: true}. */
    public CorsOptions withCredentials(boolean credentials) {
        return new CorsOptions(wildcardOrigin, origins, originPredicate, credentials, methods, allowedHeaders,
                exposedHeaders, maxAgeSeconds);
    }

    /** {@code methods}: the preflight's allowed methods (default GET,HEAD,PUT,PATCH,POST,DELETE). */
    public CorsOptions withMethods(String... methods) {
        return new CorsOptions(wildcardOrigin, origins, originPredicate, credentials, List.of(methods), allowedHeaders,
                exposedHeaders, maxAgeSeconds);
    }

    /** {@code allowedHeaders}: the preflight's allowed headers (default: reflect the request's). */
    public CorsOptions withAllowedHeaders(String... headers) {
        return new CorsOptions(wildcardOrigin, origins, originPredicate, credentials, methods, List.of(headers),
                exposedHeaders, maxAgeSeconds);
    }

    /** {@code exposedHeaders}: response headers a page may read. */
    public CorsOptions withExposedHeaders(String... headers) {
        return new CorsOptions(wildcardOrigin, origins, originPredicate, credentials, methods, allowedHeaders,
                List.of(headers), maxAgeSeconds);
    }

    /** {@code maxAge}: how long a browser may cache the preflight, in seconds; -1 for no header. */
    public CorsOptions withMaxAgeSeconds(long maxAgeSeconds) {
        return new CorsOptions(wildcardOrigin, origins, originPredicate, credentials, methods, allowedHeaders,
                exposedHeaders, maxAgeSeconds);
    }

    /** Whether {@code origin} (the request's {@code Origin} header, may be null) is reflected. */
    boolean reflects(String origin) {
        if (origin == null) {
            return false;
        }
        return origins.contains(origin) || (originPredicate != null && originPredicate.test(origin));
    }
}
