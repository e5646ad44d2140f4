package io.tickwire.engine.ecs;

/**
 * One primitive field of a {@link ComponentType}: a handle used to reach its column in an {@link Archetype}
 * or its value on one entity through a {@link World}. Immutable, shareable across threads and worlds.
 */
public abstract sealed class Field permits IntField, LongField, FloatField, DoubleField {
    private final ComponentType type;
    private final String name;
    private final int ordinal;
    private final int kindIndex;

    Field(ComponentType type, String name, int ordinal, int kindIndex) {
        this.type = type;
        this.name = name;
        this.ordinal = ordinal;
        this.kindIndex = kindIndex;
    }

    /** The component this field belongs to. */
    public final ComponentType type() {
        return type;
    }

    /** The field's name as declared. */
    public final String name() {
        return name;
    }

    /** Position among all fields of the component, in declaration order (the order snapshots use). */
    public final int ordinal() {
        return ordinal;
    }

    /** The primitive kind, which decides the column type. */
    public abstract FieldKind kind();

    /** Position among the component's fields of the same kind: the column index in {@link ComponentColumns}. */
    final int kindIndex() {
        return kindIndex;
    }

    @Override
    public final String toString() {
        return type.name() + "." + name;
    }
}
