package io.tickwire.net.cluster.redis;

import io.netty.util.concurrent.GlobalEventExecutor;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Value;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The requests one {@link RedisAdapter} published and still waits answers for, by request id, and the
 * routing of each response to its request: a {@link PendingRequest} (fetch, sockets, server-side emit)
 * or the callbacks of a broadcast with acknowledgements. Thread-safe.
 */
final class OutstandingRequests {
    /** The acknowledgement callbacks of a broadcast with acks this node started. */
    private record BroadcastAcks(IntConsumer clientCount, Consumer<ListValue> ack) {
    }

    private final Map<String, PendingRequest> requests = new ConcurrentHashMap<>();
    private final Map<String, BroadcastAcks> broadcastAcks = new ConcurrentHashMap<>();
    private final long requestsTimeoutMs;

    OutstandingRequests(long requestsTimeoutMs) {
        this.requestsTimeoutMs = requestsTimeoutMs;
    }

    /** Waits for {@code expectedAnswers} answers to request {@code requestId}, failing after the requests timeout. */
    PendingRequest open(String requestId, RequestType type, int expectedAnswers) {
        PendingRequest pending = new PendingRequest(type, expectedAnswers);
        requests.put(requestId, pending);
        pending.timer(GlobalEventExecutor.INSTANCE.schedule(() -> {
            if (requests.remove(requestId) != null) {
                pending.timeOut();
            }
        }, requestsTimeoutMs, TimeUnit.MILLISECONDS));
        return pending;
    }

    /**
     * Routes the client counts and acknowledgements of broadcast {@code requestId} to the callbacks for
     * {@code forgetAfterMs}: there is no way to know when every remote client answered, so the request is
     * simply forgotten after the emit's timeout (as the Node adapter does).
     */
    void openBroadcastAcks(String requestId, IntConsumer clientCount, Consumer<ListValue> ack, long forgetAfterMs) {
        broadcastAcks.put(requestId, new BroadcastAcks(clientCount, ack));
        GlobalEventExecutor.INSTANCE.schedule(() -> broadcastAcks.remove(requestId), forgetAfterMs,
                TimeUnit.MILLISECONDS);
    }

    /** Whether {@code requestId} is one of ours (so a request on the shared channel is our own echo). */
    boolean isOpen(String requestId) {
        return requestId != null && (requests.containsKey(requestId) || broadcastAcks.containsKey(requestId));
    }

    /** Hands {@code response} to the request it answers; ignores answers to requests not (or no longer) open. */
    void onResponse(Value response) {
        String requestId = RedisAdapter.text(response.isMap() ? response.get("requestId") : Value.NULL);
        if (requestId == null) {
            return;
        }
        BroadcastAcks acks = broadcastAcks.get(requestId);
        if (acks != null) {
            RequestType type = RequestType.of(response.get("type").isNumber() ? response.get("type").asLong() : -1);
            if (type == RequestType.BROADCAST_CLIENT_COUNT) {
                acks.clientCount().accept(response.get("clientCount").asInt());
            } else if (type == RequestType.BROADCAST_ACK) {
                acks.ack().accept(Value.list(response.get("packet")));
            }
            return;
        }
        PendingRequest pending = requests.get(requestId);
        if (pending == null) {
            return;
        }
        List<Value> items = switch (pending.type()) {
            case SOCKETS, REMOTE_FETCH -> response.get("sockets").isList() ? response.get("sockets").asList() : null;
            case ALL_ROOMS -> response.get("rooms").isList() ? response.get("rooms").asList() : null;
            default -> List.of(response.get("data"));
        };
        if (items != null && pending.answer(items)) {
            requests.remove(requestId);
        }
    }

    /** Fails every pending request (the adapter is closing). */
    void closeAll() {
        for (PendingRequest request : requests.values()) {
            request.timeOut();
        }
        requests.clear();
        broadcastAcks.clear();
    }
}
