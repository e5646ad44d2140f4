package io.tickwire.engine.ecs;

/**
 * Receives the replicated state of a world from {@link World#writeReplicated}: for each live entity in
 * ascending slot index, each replicated component in ascending component id, then that component's field
 * values in declaration order. Called on the loop thread; implementations must not touch the world.
 */
public interface ReplicationSink {
    /** A component of {@code entity} begins; {@code componentId} is {@link World#componentId}'s value. */
    void component(int entity, int componentId);

    /**
     * One field value as raw bits: ints and longs as is, floats as {@link Float#floatToRawIntBits},
     * doubles as {@link Double#doubleToRawLongBits}.
     */
    void value(long bits);
}
