/**
 * Benchmarks of match hosting ({@code io.tickwire.net.match}): the fan-out of one state message to a room of
 * real loopback connections. Figures in {@code benchmarks/RESULTS.md}, section "Match fan-out".
 */
package io.tickwire.benchmarks.match;
