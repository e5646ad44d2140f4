package io.tickwire.engine.input;

/**
 * Sizing of an {@link InputRing}; immutable.
 *
 * @param ringSize events the ring holds (power of two); default 16384. When full, publishing returns false
 *     and the publisher decides (drop the input, disconnect a flooder).
 * @param maxPayloadBytes largest payload an event holds, preallocated per event; default 256. A larger
 *     payload is refused (publish returns false).
 */
public record InputRingOptions(int ringSize, int maxPayloadBytes) {
    public InputRingOptions {
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("ringSize must be a power of two >= 2, got " + ringSize);
        }
        if (maxPayloadBytes < 0 || (long) ringSize * maxPayloadBytes > (1L << 30)) {
            throw new IllegalArgumentException("maxPayloadBytes must be >= 0 and ringSize * maxPayloadBytes <= 1 GiB, got "
                    + maxPayloadBytes);
        }
    }

    /** The defaults. */
    public static InputRingOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int ringSize = 16384;
        private int maxPayloadBytes = 256;

        private Builder() {
        }

        /** See {@link InputRingOptions#ringSize()}. */
        public Builder ringSize(int ringSize) {
            this.ringSize = ringSize;
            return this;
        }

        /** See {@link InputRingOptions#maxPayloadBytes()}. */
        public Builder maxPayloadBytes(int maxPayloadBytes) {
            this.maxPayloadBytes = maxPayloadBytes;
            return this;
        }

        /** Validates and builds; throws {@link IllegalArgumentException} naming the first invalid option. */
        public InputRingOptions build() {
            return new InputRingOptions(ringSize, maxPayloadBytes);
        }
    }
}
