/**
 * The benchmark launcher ({@code ./run bench}): {@code jmh [pattern] [extra JMH args]} runs the JMH benchmarks
 * of the sub-packages, which mirror the packages they measure ({@code engine}, ...), with {@code -prof gc} and a
 * JSON result under {@code benchmarks/results/}. Figures are recorded in {@code benchmarks/RESULTS.md}.
 */
package io.tickwire.benchmarks;
