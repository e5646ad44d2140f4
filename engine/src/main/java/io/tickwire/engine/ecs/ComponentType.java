package io.tickwire.engine.ecs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A kind of plain-data component: a name and primitive fields, stored column by column (structure of arrays)
 * inside each {@link Archetype}. Immutable and shareable; usually a {@code static final} constant that several
 * worlds use. Components marked {@link Builder#replicated() replicated} are written into snapshots.
 *
 * <pre>{@code
 * static final ComponentType POSITION = ComponentType.builder("position").floatField("x").floatField("y")
 *         .replicated().build();
 * static final FloatField X = POSITION.floatField("x");
 * }</pre>
 */
public final class ComponentType {
    /** Fields per component are limited so that a snapshot's changed-field mask fits in one int. */
    public static final int MAX_FIELDS = 32;

    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    private final int id;
    private final String name;
    private final boolean replicated;
    private final Field[] fields;
    private final int[] kindCounts = new int[FieldKind.values().length];

    private ComponentType(Builder builder) {
        this.id = NEXT_ID.getAndIncrement();
        this.name = builder.name;
        this.replicated = builder.replicated;
        this.fields = new Field[builder.fieldNames.size()];
        for (int i = 0; i < fields.length; i++) {
            FieldKind kind = builder.fieldKinds.get(i);
            int kindIndex = kindCounts[kind.ordinal()]++;
            String fieldName = builder.fieldNames.get(i);
            fields[i] = switch (kind) {
                case INT -> new IntField(this, fieldName, i, kindIndex);
                case LONG -> new LongField(this, fieldName, i, kindIndex);
                case FLOAT -> new FloatField(this, fieldName, i, kindIndex);
                case DOUBLE -> new DoubleField(this, fieldName, i, kindIndex);
            };
        }
    }

    /** Starts a component definition; {@code name} must be non-blank. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Process-wide unique id, used by worlds to index their per-type tables. */
    int id() {
        return id;
    }

    /** The name given at build. */
    public String name() {
        return name;
    }

    /** Whether snapshots include this component. */
    public boolean isReplicated() {
        return replicated;
    }

    /** Number of fields. */
    public int fieldCount() {
        return fields.length;
    }

    /** The field at {@code ordinal} (declaration order). */
    public Field field(int ordinal) {
        return fields[ordinal];
    }

    int kindCount(FieldKind kind) {
        return kindCounts[kind.ordinal()];
    }

    /** The int field named {@code name}; throws {@link IllegalArgumentException} if absent or of another kind. */
    public IntField intField(String name) {
        return (IntField) find(name, FieldKind.INT);
    }

    /** The long field named {@code name}; throws {@link IllegalArgumentException} if absent or of another kind. */
    public LongField longField(String name) {
        return (LongField) find(name, FieldKind.LONG);
    }

    /** The float field named {@code name}; throws {@link IllegalArgumentException} if absent or of another kind. */
    public FloatField floatField(String name) {
        return (FloatField) find(name, FieldKind.FLOAT);
    }

    /** The double field named {@code name}; throws {@link IllegalArgumentException} if absent or of another kind. */
    public DoubleField doubleField(String name) {
        return (DoubleField) find(name, FieldKind.DOUBLE);
    }

    private Field find(String fieldName, FieldKind kind) {
        for (Field field : fields) {
            if (field.name().equals(fieldName)) {
                if (field.kind() != kind) {
                    throw new IllegalArgumentException(this.name + "." + fieldName + " is " + field.kind() + ", not " + kind);
                }
                return field;
            }
        }
        throw new IllegalArgumentException(this.name + " has no field named '" + fieldName + "'");
    }

    @Override
    public String toString() {
        return name;
    }

    /** Collects fields in declaration order; not thread-safe; {@link #build()} validates. */
    public static final class Builder {
        private final String name;
        private final List<String> fieldNames = new ArrayList<>();
        private final List<FieldKind> fieldKinds = new ArrayList<>();
        private boolean replicated;

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("component name must be non-blank");
            }
            this.name = name;
        }

        /** Appends a {@code int} field (declaration order is snapshot order). */
        public Builder intField(String fieldName) {
            return add(fieldName, FieldKind.INT);
        }

        /** Appends a {@code long} field (declaration order is snapshot order). */
        public Builder longField(String fieldName) {
            return add(fieldName, FieldKind.LONG);
        }

        /** Appends a {@code float} field (declaration order is snapshot order). */
        public Builder floatField(String fieldName) {
            return add(fieldName, FieldKind.FLOAT);
        }

        /** Appends a {@code double} field (declaration order is snapshot order). */
        public Builder doubleField(String fieldName) {
            return add(fieldName, FieldKind.DOUBLE);
        }

        /** Includes this component in snapshots. */
        public Builder replicated() {
            this.replicated = true;
            return this;
        }

        /** Throws {@link IllegalArgumentException} naming the problem: duplicate or blank field, too many fields. */
        public ComponentType build() {
            if (fieldNames.size() > MAX_FIELDS) {
                throw new IllegalArgumentException(name + ": at most " + MAX_FIELDS + " fields, got " + fieldNames.size());
            }
            return new ComponentType(this);
        }

        private Builder add(String fieldName, FieldKind kind) {
            if (fieldName == null || fieldName.isBlank()) {
                throw new IllegalArgumentException(name + ": field name must be non-blank");
            }
            if (fieldNames.contains(fieldName)) {
                throw new IllegalArgumentException(name + ": duplicate field '" + fieldName + "'");
            }
            fieldNames.add(fieldName);
            fieldKinds.add(kind);
            return this;
        }
    }
}
