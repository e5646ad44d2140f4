package io.tickwire.net.socketio.adapter;

import java.util.List;
import java.util.Map;

/**
 * What connection state recovery keeps of a socket that lost its connection: its ids, rooms and data.
 *
 * @param sid            the public socket id, kept on recovery
 * @param pid            the private id the client presents to recover
 * @param rooms          the rooms it had joined (its own id included)
 * @param data           {@code socket.data}
 * @param disconnectedAt when it disconnected, epoch milliseconds
 */
public record PersistedSession(String sid, String pid, List<String> rooms, Map<String, Object> data,
                               long disconnectedAt) {
}
