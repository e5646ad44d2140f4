/**
 * Socket.IO v5 packets and their two wire encodings (spec: socket.io-protocol v5, "Packet encoding";
 * byte references: npm socket.io-parser 4.2 and socket.io-msgpack-parser 3.0.2 / notepack.io 2.2).
 *
 * <p>{@link io.tickwire.net.socketio.parser.Packet} carries a {@link io.tickwire.net.socketio.parser.Value}
 * payload, an immutable JSON-like model with bytes, that both parsers read and write identically.
 *
 * <pre>
 *  Engine.IO message (borrowed ByteBuf, text|binary)
 *        │
 *        ▼
 *  PacketCodec (one per connection; first message picks the parser unless pinned)
 *        ├─ JsonPacketDecoder: header, JsonPayloadReader (jackson-core), Placeholders ◀─ binary attachments
 *        └─ MsgpackPacketDecoder: MsgpackValueReader (msgpack-core)
 *        │                          both checked by PayloadRules
 *        ▼
 *  Packet ──▶ Socket.IO layer ──▶ Packet to send
 *        │
 *        ▼
 *  PacketParsers.encode / BroadcastEncoding (once per parser kind)
 *        ├─ JsonPacketEncoder (per-thread Jackson generator, JsNumberText) ─▶ text frame + binary frames
 *        └─ MsgpackPacketEncoder (exact-size ByteBuf)                      ─▶ one binary frame
 *        ▼
 *  EncodedPacket: frame(i).retainedDuplicate() per recipient, release() once
 * </pre>
 *
 * <p>{@link io.tickwire.net.socketio.parser.MsgpackEventPeek} reads a msgpack EVENT with a binary first argument
 * in place, for a client that takes such events without the value model; anything it is unsure of goes to
 * the decoder.
 */
package io.tickwire.net.socketio.parser;
