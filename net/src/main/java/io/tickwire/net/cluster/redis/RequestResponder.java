package io.tickwire.net.cluster.redis;

import io.tickwire.net.socketio.Ack;
import io.tickwire.net.socketio.Socket;
import io.tickwire.net.socketio.adapter.BroadcastOptions;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.MapValue;
import io.tickwire.net.socketio.parser.Packet;
import io.tickwire.net.socketio.parser.Value;
import io.tickwire.net.socketio.parser.ValueCodec;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Answers the requests other nodes (or an emitter) publish on the request channel, as
 * {@code @socket.io/redis-adapter}'s {@code onrequest} does: applies the operation to this node's sockets
 * and, where the type has an answer, publishes it. A request this node sent itself is ignored (its local
 * part was done when it was sent). Runs on Lettuce's I/O thread.
 */
final class RequestResponder {
    private final RedisAdapter adapter;

    RequestResponder(RedisAdapter adapter) {
        this.adapter = adapter;
    }

    void handle(Value request) {
        RequestType type = RequestType.of(request.get("type").isNumber() ? request.get("type").asLong() : -1);
        if (type == null || adapter.isOwnRequest(request)) {
            return;
        }
        Value requestId = request.get("requestId");
        switch (type) {
            case SOCKETS -> adapter.localSockets(ClusterMessages.stringSet(request.get("rooms"))).thenAccept(ids ->
                    adapter.publishResponse(request, json(MapValue.builder(2).put("requestId", requestId)
                            .put("sockets", ClusterMessages.strings(ids)))));
            case ALL_ROOMS -> adapter.publishResponse(request, json(MapValue.builder(2).put("requestId", requestId)
                    .put("rooms", ClusterMessages.strings(adapter.rooms()))));
            case REMOTE_JOIN -> {
                if (request.has("opts")) {
                    adapter.localAddSockets(selection(request), ClusterMessages.stringSet(request.get("rooms")));
                } else {
                    onSocket(request, socket -> socket.join(text(request.get("room"))));
                }
            }
            case REMOTE_LEAVE -> {
                if (request.has("opts")) {
                    adapter.localDelSockets(selection(request), ClusterMessages.stringSet(request.get("rooms")));
                } else {
                    onSocket(request, socket -> socket.leave(text(request.get("room"))));
                }
            }
            case REMOTE_DISCONNECT -> {
                boolean close = request.get("close").isBoolean() && request.get("close").asBoolean();
                if (request.has("opts")) {
                    adapter.localDisconnectSockets(selection(request), close);
                } else {
                    onSocket(request, socket -> socket.disconnect(close));
                }
            }
            case REMOTE_FETCH -> {
                ListValue.Builder sockets = ListValue.builder();
                for (Socket socket : adapter.localRecipients(selection(request))) {
                    sockets.add(ClusterMessages.socketDetails(socket));
                }
                adapter.publishResponse(request, json(MapValue.builder(2).put("requestId", requestId)
                        .put("sockets", sockets.build())));
            }
            case SERVER_SIDE_EMIT -> serverSideEmit(request, requestId);
            case BROADCAST -> broadcastWithAck(request, requestId);
            default -> {
                // responses never arrive on the request channel
            }
        }
    }

    private void serverSideEmit(Value request, Value requestId) {
        if (!request.get("data").isList()) {
            return;
        }
        ListValue eventAndArgs = (ListValue) request.get("data");
        Ack ack = null;
        if (!requestId.isNull()) {
            AtomicBoolean called = new AtomicBoolean();
            ack = args -> {
                if (called.compareAndSet(false, true)) {
                    adapter.publishSharedResponse(json(MapValue.builder(3)
                            .put("type", RequestType.SERVER_SIDE_EMIT.number())
                            .put("requestId", requestId)
                            .put("data", args.length > 0 ? Value.from(args[0]) : Value.NULL)));
                }
            };
        }
        adapter.namespace().onServerSideEmit(eventAndArgs, ack);
    }

    private void broadcastWithAck(Value request, Value requestId) {
        Packet packet = ClusterMessages.event(request.get("packet"), adapter.namespace().name(),
                adapter.namespace().nextAckId());
        if (packet == null || !packet.namespace().equals(adapter.namespace().name())) {
            return;
        }
        adapter.localBroadcastWithAck(packet, ClusterMessages.options(request.get("opts")),
                clientCount -> adapter.publishResponse(request, json(MapValue.builder(3)
                        .put("type", RequestType.BROADCAST_CLIENT_COUNT.number())
                        .put("requestId", requestId)
                        .put("clientCount", clientCount))),
                args -> adapter.publishResponse(request, ValueCodec.toMsgpack(MapValue.builder(3)
                        .put("type", RequestType.BROADCAST_ACK.number())
                        .put("requestId", requestId)
                        .put("packet", args.size() > 0 ? args.get(0) : Value.NULL)
                        .build())));
    }

    /** The single-socket form of the older adapters ({@code sid}, {@code room}), answered with {requestId}. */
    private void onSocket(Value request, java.util.function.Consumer<Socket> action) {
        Socket socket = adapter.namespace().socket(text(request.get("sid")));
        if (socket == null) {
            return;
        }
        action.accept(socket);
        adapter.publishResponse(request, json(MapValue.builder(1).put("requestId", request.get("requestId"))));
    }

    private static BroadcastOptions selection(Value request) {
        return ClusterMessages.options(request.get("opts"));
    }

    private static byte[] json(MapValue.Builder fields) {
        return ValueCodec.toJson(fields.build());
    }

    private static String text(Value value) {
        return RedisAdapter.text(value);
    }
}
