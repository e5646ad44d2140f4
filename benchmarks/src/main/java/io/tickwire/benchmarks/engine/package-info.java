/**
 * JMH benchmarks of the engine: entity iteration per storage layout, a full tick of a 10,000-entity world,
 * delta snapshot encoding, input ring publish-to-drain throughput, and per-player views (interest
 * management). Figures: {@code benchmarks/RESULTS.md}, sections "Engine" and "Interest management"; run with
 * {@code ./run bench jmh io.tickwire.benchmarks.engine}.
 */
package io.tickwire.benchmarks.engine;
