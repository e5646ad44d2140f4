package io.tickwire.net.cluster.redis;

import io.tickwire.net.socketio.adapter.BroadcastFlags;
import io.tickwire.net.socketio.adapter.BroadcastOptions;
import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.Packet;
import io.tickwire.net.socketio.parser.Value;
import io.tickwire.net.socketio.parser.ValueCodec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The messages byte for byte as {@code @socket.io/redis-adapter} 8.3 publishes them, captured with
 * {@code redis-cli MONITOR} from two Node.js socket.io 4.8 servers (uid {@code d0P9Q-}).
 */
class ClusterMessagesTest {

    /** The bytes of a MONITOR line: text, with {@code \xNN} escapes and a few C escapes. */
    private static byte[] monitored(String escaped) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '\\') {
                out.write(c);
            } else if (escaped.charAt(i + 1) == 'x') {
                out.write(Integer.parseInt(escaped.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                out.write(escaped.charAt(i + 1) == 'a' ? 7 : escaped.charAt(i + 1) == 't' ? 9 : escaped.charAt(i + 1));
                i++;
            }
        }
        return out.toByteArray();
    }

    private static final Packet NEWS = Packet.event("/", Packet.NO_ACK, Value.list(Value.of("news"), Value.of(1),
            Value.of("two"), Value.map("three", 3.5)));

    @Test
    void broadcastIsPublishedAsTheNodeAdapterPublishesIt() {
        byte[] node = monitored("\\x93\\xa6d0P9Q-\\x83\\xa4type\\x02\\xa4data\\x94\\xa4news\\x01\\xa3two\\x81\\xa5three"
                + "\\xcb@\\x0c\\x00\\x00\\x00\\x00\\x00\\x00\\xa3nsp\\xa1/\\x83\\xa5rooms\\x91\\xa1R\\xa6except\\x90\\xa5flags\\x80");
        BroadcastOptions toR = new BroadcastOptions(Set.of("R"), Set.of(), BroadcastFlags.DEFAULT);
        byte[] ours = ValueCodec.toMsgpack(Value.list(Value.of("d0P9Q-"), ClusterMessages.packet(NEWS),
                ClusterMessages.options(toR)));
        assertArrayEquals(node, ours);
    }

    /** A broadcast in the captured shape, with an except room and the volatile flag. */
    @Test
    void readsTheNodeAdapterBroadcast() {
        Value message = ValueCodec.fromMsgpack(monitored("\\x93\\xa6d0P9Q-\\x83\\xa4type\\x02\\xa4data\\x92\\xa3all\\xc3"
                + "\\xa3nsp\\xa1/\\x83\\xa5rooms\\x90\\xa6except\\x91\\xa1X\\xa5flags\\x81\\xa8volatile\\xc3"));
        assertEquals(Packet.event("/", Packet.NO_ACK, Value.list(Value.of("all"), Value.TRUE)),
                ClusterMessages.event(message.get(1), "/", Packet.NO_ACK));
        assertEquals(new BroadcastOptions(Set.of(), Set.of("X"), BroadcastFlags.DEFAULT.withVolatile()),
                ClusterMessages.options(message.get(2)));
    }

    @Test
    void broadcastWithAckRequestIsMsgpackWithoutPacketId() {
        byte[] node = monitored("\\x85\\xa3uid\\xa6d0P9Q-\\xa9requestId\\xa6L7aSsl\\xa4type\\a\\xa6packet\\x83\\xa4type"
                + "\\x02\\xa4data\\x92\\xa3ask\\xa1q\\xa3nsp\\xa1/\\xa4opts\\x83\\xa5rooms\\x91\\xa1R\\xa6except\\x90"
                + "\\xa5flags\\x81\\xa7timeout\\xcd\\x13\\x88");
        Packet ask = Packet.event("/", 12, Value.list(Value.of("ask"), Value.of("q")));
        BroadcastOptions toR = new BroadcastOptions(Set.of("R"), Set.of(), BroadcastFlags.DEFAULT.withTimeout(5_000));
        byte[] ours = ValueCodec.toMsgpack(ClusterMessages.request("d0P9Q-", "L7aSsl", RequestType.BROADCAST,
                Value.map("packet", ClusterMessages.packet(ask), "opts", ClusterMessages.options(toR))));
        assertArrayEquals(node, ours);
    }

    @Test
    void socketManagementRequestsAreJsonInTheNodeAdapterKeyOrder() {
        BroadcastOptions inR = new BroadcastOptions(Set.of("R"), Set.of(), BroadcastFlags.DEFAULT);
        assertEquals("{\"uid\":\"d0P9Q-\",\"requestId\":\"IA5omf\",\"type\":5,\"opts\":{\"rooms\":[\"R\"],\"except\":[]}}",
                ValueCodec.toJsonString(ClusterMessages.request("d0P9Q-", "IA5omf", RequestType.REMOTE_FETCH,
                        Value.map("opts", ClusterMessages.selection(inR)))));
        assertEquals("{\"uid\":\"d0P9Q-\",\"type\":2,\"opts\":{\"rooms\":[\"R\"],\"except\":[]},\"rooms\":[\"T\"]}",
                ValueCodec.toJsonString(ClusterMessages.request("d0P9Q-", null, RequestType.REMOTE_JOIN,
                        Value.map("opts", ClusterMessages.selection(inR), "rooms", ListValue.builder().add("T").build()))));
    }

    @Test
    void requestsAreJsonWhenTheyStartWithABraceAndMsgpackOtherwise() {
        Value json = ClusterMessages.decode("{\"type\":8,\"requestId\":\"L7aSsl\",\"clientCount\":1}"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(Value.map("type", 8, "requestId", "L7aSsl", "clientCount", 1), json);
        Value msgpack = ClusterMessages.decode(monitored("\\x83\\xa4type\\t\\xa9requestId\\xa6L7aSsl\\xa6packet"
                + "\\xaaack from R"));
        assertEquals(Value.map("type", 9, "requestId", "L7aSsl", "packet", "ack from R"), msgpack);
    }
}
