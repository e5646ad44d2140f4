/**
 * The two Engine.IO transports and their wire format ("Transports" and "Packet encoding" of
 * {@code ../shared/specs/engine.io-protocol-v4.md}): HTTP long-polling with {@code \x1e}-separated
 * payloads and base64 binary ({@link io.tickwire.net.engineio.transport.PayloadEncoder}, {@link
 * io.tickwire.net.engineio.transport.PayloadDecoder}), and WebSocket with one packet per frame. A
 * transport decodes and encodes; the session in the parent package decides.
 *
 * <pre>
 *  POST body ─▶ PollingTransport ─▶ PayloadDecoder ─▶ TransportEvents.onPacket
 *  GET       ─▶ PollingTransport.onPollRequest ─▶ onWritable ─▶ session drains its buffer ─▶ PayloadEncoder ─▶ 200
 *  frames    ─▶ WebSocketFrameAggregator ─▶ WebSocketTransport ─▶ TransportEvents.onPacket
 *  session   ─▶ WebSocketTransport.write ─▶ WebSocketFrameHeader (+ "4" for text), then the payload itself (no copy)
 *  broadcast ─▶ WebSocketFrames (whole frames, built once) ─▶ WebSocketTransport.writeFrames: a duplicate per connection
 * </pre>
 */
package io.tickwire.net.engineio.transport;
