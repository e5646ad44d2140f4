package io.tickwire.net.engineio;

import java.util.concurrent.CompletionStage;

/**
 * The {@code allowRequest} hook: decides whether a handshake (a request without {@code sid}) may open a
 * session. A refusal answers HTTP 403 with code 4 ({@link EngineIoError#FORBIDDEN}) and the verdict's
 * message. Upgrades and later requests of a session are not asked.
 *
 * <p>Threading: called on the event loop of the request's connection; it must not block. Return an
 * already completed stage for a synchronous answer; an asynchronous answer may complete on any thread.
 * A stage that completes exceptionally refuses the request.
 */
@FunctionalInterface
public interface AllowRequest {

    /** Decides on {@code request}, which is only valid until the returned stage completes. */
    CompletionStage<Verdict> check(HandshakeRequest request);

    /**
     * The answer of {@link AllowRequest}.
     *
     * @param allowed whether the handshake proceeds
     * @param message the error message sent on refusal, or {@code null} for "Forbidden"
     */
    record Verdict(boolean allowed, String message) {
        private static final Verdict ALLOW = new Verdict(true, null);

        /** Lets the handshake proceed. */
        public static Verdict allow() {
            return ALLOW;
        }

        /** Refuses with 403 and {@code message} (null for "Forbidden") in the JSON body. */
        public static Verdict deny(String message) {
            return new Verdict(false, message);
        }
    }
}
