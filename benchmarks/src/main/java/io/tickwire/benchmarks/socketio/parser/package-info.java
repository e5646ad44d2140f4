/**
 * JMH benchmarks of the Socket.IO parsers ({@code io.tickwire.net.socketio.parser}): encode and decode of a
 * game input, a 1 KB state and a binary event with the default and the msgpack parser. The npm parsers are
 * measured on the same packets by {@code benchmarks/peers/parser-speed.mjs}; figures in
 * {@code benchmarks/RESULTS.md}, section "Socket.IO parsers".
 */
package io.tickwire.benchmarks.socketio.parser;
