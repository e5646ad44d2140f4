/**
 * Benchmarks of match hosting ({@code io.tickwire.net.match}): the fan-out of one state message to a room of
 * loopback connections, with real sockets or with writes discarded at the transport ({@link
 * io.tickwire.benchmarks.match.DiscardingTransport}) to split our user-space cost from the kernel's. Figures in
 * {@code benchmarks/RESULTS.md}, section "Match fan-out".
 */
package io.tickwire.benchmarks.match;
