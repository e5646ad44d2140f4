package io.tickwire.net.cluster.redis;

import io.netty.util.concurrent.ScheduledFuture;
import io.tickwire.net.socketio.parser.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * A request this node published and whose answers it collects: complete once {@code expectedAnswers}
 * nodes answered, failed with a {@link TimeoutException} when the deadline comes first. Each answer adds
 * zero or more items (socket details, socket ids, or one acknowledgement value). Thread-safe.
 */
final class PendingRequest {
    private final RequestType type;
    private final int expectedAnswers;
    private final List<Value> items = new ArrayList<>();
    private final CompletableFuture<List<Value>> result = new CompletableFuture<>();
    private int answers;
    private ScheduledFuture<?> timer;

    PendingRequest(RequestType type, int expectedAnswers) {
        this.type = type;
        this.expectedAnswers = expectedAnswers;
    }

    RequestType type() {
        return type;
    }

    /** Completes with every item received, in arrival order. */
    CompletableFuture<List<Value>> result() {
        return result;
    }

    synchronized void timer(ScheduledFuture<?> timer) {
        this.timer = timer;
    }

    /** Adds one node's answer; returns true when it was the last one expected. */
    boolean answer(List<Value> answerItems) {
        List<Value> all;
        synchronized (this) {
            if (result.isDone()) {
                return false;
            }
            items.addAll(answerItems);
            answers++;
            if (answers < expectedAnswers) {
                return false;
            }
            all = List.copyOf(items);
            if (timer != null) {
                timer.cancel(false);
            }
        }
        result.complete(all);
        return true;
    }

    /** Fails the request with the reference's message, unless it completed meanwhile. */
    void timeOut() {
        int received;
        synchronized (this) {
            received = answers;
        }
        String what = switch (type) {
            case REMOTE_FETCH -> "timeout reached while waiting for fetchSockets response";
            case SOCKETS -> "timeout reached while waiting for sockets response";
            case ALL_ROOMS -> "timeout reached while waiting for allRooms response";
            default -> "timeout reached: only " + received + " responses received out of " + expectedAnswers;
        };
        result.completeExceptionally(new TimeoutException(what));
    }
}
