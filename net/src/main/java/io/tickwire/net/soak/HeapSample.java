package io.tickwire.net.soak;

/**
 * One reading of the soak: heap used right after a full GC, sessions still open, connections made.
 *
 * @param elapsedMs     since the soak started
 * @param heapUsedBytes used heap after {@code System.gc()}
 * @param openSessions  Engine.IO sessions the server still holds
 * @param connections   connections the bots made so far (polite and rude)
 */
public record HeapSample(long elapsedMs, long heapUsedBytes, int openSessions, long connections) {

    @Override
    public String toString() {
        return String.format("%6.1f s  heap %7.1f MiB  sessions %4d  connections %8d", elapsedMs / 1000.0,
                heapUsedBytes / (1024.0 * 1024.0), openSessions, connections);
    }
}
