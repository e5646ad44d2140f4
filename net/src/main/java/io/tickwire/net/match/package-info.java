/**
 * Match hosting: engine matches served on a Socket.IO namespace ({@code /game} by default), each match a
 * room. Matchmaking answers arrive as acks, inputs go from the connection's event loop straight into the
 * match's input ring, and the match's outbox is made of emits to the room, flushed once per tick.
 *
 * <pre>
 *  client ── joinOrCreate/create/join ──▶ PlayerConnection ──▶ MatchMaker (seat counted) ──▶ MatchHandle.requestJoin
 *                                                                       loop: JoinListener ──▶ ack {matchId, playerId, token}
 *  server ── reserveSeat ──▶ MatchMaker (seat counted) ──▶ SeatReservations (expires) ◀── claim {reservation} ── client
 *  client ── input(seq, ackedTick, bytes) ──▶ PlayerConnection: shape, InputRules, TokenBucket ──▶ publishInput
 *  client ── action(bytes) + ack ──────────▶ publishInput(negative seq) ──▶ loop applies ──▶ RoomOutbox.flush: ack
 *  loop tick: HostedMatch(game) ── onSnapshot ──▶ StateSender: delta per acked base, encoded once per base & parser
 *                                               or, when the game set an Interest, ViewSender: each player's own view
 *             RoomOutbox.write(seat) ──▶ SharedEncoding.prepare(parser): encoded and WebSocket-framed once per kind
 *                                    ──▶ LoopBatch of the connection's event loop (one use of the SharedEncoding per batch)
 *             RoomOutbox.flush ──▶ one task per event loop: a retained view of the frames for the loop, then per
 *                                  packet Socket.write (a recycled duplicate of the view, one channel write), then
 *                                  Socket.flush each connection once (one send/writev per connection and tick;
 *                                  in the same pass as the write when each connection has one packet)
 * </pre>
 *
 * Protocol and walkthrough: {@code net/README.md}, "Host your own game".
 */
package io.tickwire.net.match;
