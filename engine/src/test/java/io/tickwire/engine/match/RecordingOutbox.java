package io.tickwire.engine.match;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** An outbox that writes down what it was asked to do, as text lines, for assertions. */
final class RecordingOutbox implements Outbox {
    final List<String> sent = new ArrayList<>();

    @Override
    public boolean send(int playerId, String event, byte[] payload, int offset, int length, Delivery delivery) {
        sent.add("send " + playerId + " " + event + " " + text(payload, offset, length) + " " + delivery);
        return true;
    }

    @Override
    public boolean broadcast(String event, byte[] payload, int offset, int length, Delivery delivery) {
        sent.add("broadcast " + event + " " + text(payload, offset, length) + " " + delivery);
        return true;
    }

    @Override
    public boolean sendWithAck(int playerId, String event, byte[] payload, int offset, int length, long ackToken,
            long timeoutMs) {
        sent.add("ack-send " + playerId + " " + event + " token " + ackToken + " timeout " + timeoutMs);
        return true;
    }

    @Override
    public boolean broadcastWithAck(String event, byte[] payload, int offset, int length, long ackToken, long timeoutMs) {
        sent.add("ack-broadcast " + event + " token " + ackToken);
        return true;
    }

    @Override
    public void playerRemoved(int playerId, LeaveReason reason) {
        sent.add("removed " + playerId + " " + reason);
    }

    @Override
    public void flush() {
        sent.add("flush");
    }

    private static String text(byte[] payload, int offset, int length) {
        return new String(payload, offset, length, StandardCharsets.UTF_8);
    }
}
