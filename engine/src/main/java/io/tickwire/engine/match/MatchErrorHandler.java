package io.tickwire.engine.match;

/**
 * Receives exceptions thrown by game code of one match. Called on that match's loop thread; the match and
 * every other match keep ticking (call {@link MatchHandle#dispose()} here to end a broken match). An
 * {@link Error} is never passed here: it propagates and stops the loop thread.
 */
@FunctionalInterface
public interface MatchErrorHandler {
    void onError(MatchHandle match, Exception error);

    /** Prints to standard error; the default when none is configured. */
    MatchErrorHandler PRINT = (match, error) -> {
        System.err.println("tickwire: match " + match.id() + " failed: " + error);
        error.printStackTrace();
    };
}
