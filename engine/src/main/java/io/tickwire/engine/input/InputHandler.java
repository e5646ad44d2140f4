package io.tickwire.engine.input;

/** Receives drained events on the loop thread, in ring order (the order publishers claimed slots). */
@FunctionalInterface
public interface InputHandler {
    /** The event is only valid during this call. Exceptions propagate out of {@link InputRing#drain}. */
    void onEvent(InputEvent event);
}
