package io.tickwire.engine.ecs;

/** A {@code float} field of a component; its column is a {@code float[]}. */
public final class FloatField extends Field {
    FloatField(ComponentType type, String name, int ordinal, int kindIndex) {
        super(type, name, ordinal, kindIndex);
    }

    @Override
    public FieldKind kind() {
        return FieldKind.FLOAT;
    }
}
