/**
 * JMH benchmarks of the engine: entity iteration per storage layout, a full tick of a 10,000-entity world,
 * delta snapshot encoding, and input ring publish-to-drain throughput. Figures: {@code benchmarks/RESULTS.md},
 * section "Engine"; run with {@code ./run bench jmh io.tickwire.benchmarks.engine}.
 */
package io.tickwire.benchmarks.engine;
