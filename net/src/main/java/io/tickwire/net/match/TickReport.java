package io.tickwire.net.match;

/**
 * What one match sent during one tick, handed to a {@link MatchObserver}.
 *
 * @param matchId        the match
 * @param tick           the tick that just ended
 * @param players        players seated (connected or within their reconnection grace)
 * @param connected      seated players with a live connection
 * @param packetsOut     packets queued to connections this tick
 * @param bytesOut       bytes queued to connections this tick (Socket.IO payloads, before Engine.IO framing)
 * @param volatileDrops  state packets dropped this tick because a connection was not writable
 * @param tickNanos      from the start of the game's {@code onTick} to the end of the flush (the server's nano clock)
 */
public record TickReport(String matchId, long tick, int players, int connected, int packetsOut, long bytesOut,
        int volatileDrops, long tickNanos) {
}
