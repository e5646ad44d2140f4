package io.tickwire.net.socketio.adapter;

import io.tickwire.net.socketio.parser.ListValue;

import java.util.List;

/**
 * A session restored by connection state recovery, with the events the client missed (each
 * {@code [event, ...args, offset]}) in emission order.
 */
public record RecoveredSession(PersistedSession session, List<ListValue> missedPackets) {
}
