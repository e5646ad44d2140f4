package io.tickwire.engine.ecs;

/** A {@code long} field of a component; its column is a {@code long[]}. */
public final class LongField extends Field {
    LongField(ComponentType type, String name, int ordinal, int kindIndex) {
        super(type, name, ordinal, kindIndex);
    }

    @Override
    public FieldKind kind() {
        return FieldKind.LONG;
    }
}
