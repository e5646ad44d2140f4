package io.tickwire.engine.ecs;

/**
 * Sizing of a {@link World}; immutable.
 *
 * @param entityCapacity entity slots reserved up front (the world grows past it, allocating once per
 *     doubling); default 1024, at most 1,048,576
 * @param commandCapacity structural commands reserved up front per system run; default 1024
 */
public record WorldOptions(int entityCapacity, int commandCapacity) {
    public WorldOptions {
        if (entityCapacity < 1 || entityCapacity > Entity.MAX_ENTITIES) {
            throw new IllegalArgumentException("entityCapacity must be in [1, " + Entity.MAX_ENTITIES + "], got " + entityCapacity);
        }
        if (commandCapacity < 1) {
            throw new IllegalArgumentException("commandCapacity must be positive, got " + commandCapacity);
        }
    }

    /** The defaults. */
    public static WorldOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int entityCapacity = 1024;
        private int commandCapacity = 1024;

        private Builder() {
        }

        /** See {@link WorldOptions#entityCapacity()}. */
        public Builder entityCapacity(int entityCapacity) {
            this.entityCapacity = entityCapacity;
            return this;
        }

        /** See {@link WorldOptions#commandCapacity()}. */
        public Builder commandCapacity(int commandCapacity) {
            this.commandCapacity = commandCapacity;
            return this;
        }

        /** Validates and builds; throws {@link IllegalArgumentException} naming the first invalid option. */
        public WorldOptions build() {
            return new WorldOptions(entityCapacity, commandCapacity);
        }
    }
}
