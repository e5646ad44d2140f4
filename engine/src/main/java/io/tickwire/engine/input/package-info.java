/**
 * Input intake: the bounded Disruptor ring through which any thread (Netty event loops) hands player inputs,
 * joins, leaves and ack results to a loop thread, without locks and without allocating.
 *
 * <pre>
 *   net thread A ─publishInput(match, player, seq, bytes)─┐
 *   net thread B ─publish(JOIN ...)───────────────────────┼─▶ InputRing (preallocated InputEvents)
 *                                                         │        │ drain(handler) at tick start (EventPoller)
 *                                                         │        ▼
 *                                      false when full ◀──┘   loop thread: match host routes by matchKey
 * </pre>
 */
package io.tickwire.engine.input;
