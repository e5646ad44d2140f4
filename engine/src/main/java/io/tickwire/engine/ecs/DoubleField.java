package io.tickwire.engine.ecs;

/** A {@code double} field of a component; its column is a {@code double[]}. */
public final class DoubleField extends Field {
    DoubleField(ComponentType type, String name, int ordinal, int kindIndex) {
        super(type, name, ordinal, kindIndex);
    }

    @Override
    public FieldKind kind() {
        return FieldKind.DOUBLE;
    }
}
