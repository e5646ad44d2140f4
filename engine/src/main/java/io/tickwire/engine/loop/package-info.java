/**
 * The fixed-rate tick loop: drift-free deadlines from an injected clock, bounded catch-up, overrun and skip
 * counting, a separate snapshot rate, and a thread runner that parks until the next deadline.
 *
 * <pre>
 *   TickLoopThread ── while running: idle.idle(loop.doWork()) ──▶ TickLoop ── due ticks ──▶ TickTask.tick(n, snapshotDue)
 *        │                                                          │ NanoClock (SystemNanoClock | ManualNanoClock)
 *        └─ DeadlineIdleStrategy: park until deadline - spin, then yield └▶ TickStats (HdrHistogram, counters)
 * </pre>
 *
 * One loop thread hosts many matches (the {@code match} package's host is its task); several loops shard
 * matches across cores.
 */
package io.tickwire.engine.loop;
