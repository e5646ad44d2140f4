package io.tickwire.engine.ecs;

/** The primitive type of a component field; each kind is stored in its own primitive column, never boxed. */
public enum FieldKind {
    INT,
    LONG,
    FLOAT,
    DOUBLE
}
