package io.tickwire.engine.ecs;

/** A {@code int} field of a component; its column is a {@code int[]}. */
public final class IntField extends Field {
    IntField(ComponentType type, String name, int ordinal, int kindIndex) {
        super(type, name, ordinal, kindIndex);
    }

    @Override
    public FieldKind kind() {
        return FieldKind.INT;
    }
}
