package io.tickwire.engine.input;

/**
 * Copies payload bytes from a publisher's own buffer type into a ring event's preallocated array, so that
 * publishing from, say, a Netty buffer needs neither a temporary array nor the engine knowing the type.
 * Implement it as a stateless, non-capturing lambda held in a static field: then publishing allocates nothing.
 *
 * @param <S> the source buffer type
 */
@FunctionalInterface
public interface PayloadCopier<S> {
    /** Copies {@code length} bytes; borrows {@code source} (must not retain or release it). */
    void copy(S source, int sourceOffset, byte[] target, int targetOffset, int length);

    /** Copies from a {@code byte[]}. */
    PayloadCopier<byte[]> BYTE_ARRAY = (source, sourceOffset, target, targetOffset, length) ->
            System.arraycopy(source, sourceOffset, target, targetOffset, length);
}
