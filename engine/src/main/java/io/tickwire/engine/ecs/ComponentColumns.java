package io.tickwire.engine.ecs;

/**
 * The columns of one component inside one archetype: one primitive array per field, all the archetype's
 * capacity long. Row {@code r} of every column belongs to the archetype's entity at row {@code r}.
 */
final class ComponentColumns {
    final ComponentType type;
    int[][] ints;
    long[][] longs;
    float[][] floats;
    double[][] doubles;

    ComponentColumns(ComponentType type, int capacity) {
        this.type = type;
        ints = new int[type.kindCount(FieldKind.INT)][capacity];
        longs = new long[type.kindCount(FieldKind.LONG)][capacity];
        floats = new float[type.kindCount(FieldKind.FLOAT)][capacity];
        doubles = new double[type.kindCount(FieldKind.DOUBLE)][capacity];
    }

    void grow(int capacity) {
        for (int i = 0; i < ints.length; i++) {
            ints[i] = java.util.Arrays.copyOf(ints[i], capacity);
        }
        for (int i = 0; i < longs.length; i++) {
            longs[i] = java.util.Arrays.copyOf(longs[i], capacity);
        }
        for (int i = 0; i < floats.length; i++) {
            floats[i] = java.util.Arrays.copyOf(floats[i], capacity);
        }
        for (int i = 0; i < doubles.length; i++) {
            doubles[i] = java.util.Arrays.copyOf(doubles[i], capacity);
        }
    }

    void clearRow(int row) {
        for (int[] column : ints) {
            column[row] = 0;
        }
        for (long[] column : longs) {
            column[row] = 0L;
        }
        for (float[] column : floats) {
            column[row] = 0f;
        }
        for (double[] column : doubles) {
            column[row] = 0d;
        }
    }

    /** Copies row {@code from} of this into row {@code to} of {@code target} (same component; may be this). */
    void copyRow(int from, ComponentColumns target, int to) {
        for (int i = 0; i < ints.length; i++) {
            target.ints[i][to] = ints[i][from];
        }
        for (int i = 0; i < longs.length; i++) {
            target.longs[i][to] = longs[i][from];
        }
        for (int i = 0; i < floats.length; i++) {
            target.floats[i][to] = floats[i][from];
        }
        for (int i = 0; i < doubles.length; i++) {
            target.doubles[i][to] = doubles[i][from];
        }
    }

    /** The raw bits of {@code field} at {@code row}: floats and doubles as their IEEE bit patterns. */
    long bits(Field field, int row) {
        int k = field.kindIndex();
        return switch (field.kind()) {
            case INT -> ints[k][row];
            case LONG -> longs[k][row];
            case FLOAT -> Float.floatToRawIntBits(floats[k][row]);
            case DOUBLE -> Double.doubleToRawLongBits(doubles[k][row]);
        };
    }
}
