/**
 * {@code ./run bench compare}: Tickwire's broadcast server beside peer Socket.IO servers under the same
 * loadtest workload, each server and each load run its own process, measured from outside
 * ({@code /proc}, a heap probe on stdin) the same way for all.
 */
package io.tickwire.benchmarks.compare;
