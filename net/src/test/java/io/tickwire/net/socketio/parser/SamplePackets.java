package io.tickwire.net.socketio.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Packets that exercise every packet type and every encoding choice of both parsers. */
final class SamplePackets {
    private SamplePackets() {
    }

    record Sample(String name, Packet packet) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Value gameInput() {
        return Value.list(Value.of("input"), Value.map("seq", 123, "keys", 5, "ax", 0.5, "ay", -1));
    }

    /** A state snapshot of about 1 KB in JSON: 12 players with positions, velocities, names and flags. */
    static Value state() {
        ListValue.Builder players = ListValue.builder();
        Random random = new Random(42);
        for (int i = 0; i < 12; i++) {
            players.add(MapValue.builder()
                    .put("id", i + 1)
                    .put("x", Math.round(random.nextDouble() * 100000) / 100.0)
                    .put("y", Math.round(random.nextDouble() * 100000) / 100.0)
                    .put("vx", Math.round(random.nextGaussian() * 1000) / 100.0)
                    .put("hp", 100 - i * 7)
                    .put("name", "p" + i)
                    .put("alive", i % 5 != 0)
                    .build());
        }
        return Value.list(Value.of("state"), Value.map("tick", 48213, "players", players.build()));
    }

    static List<Sample> all() {
        List<Sample> samples = new ArrayList<>();
        add(samples, "connect main", Packet.connect("/", null));
        add(samples, "connect admin with auth", Packet.connect("/admin", Value.map("token", "123")));
        add(samples, "connect reply", Packet.connect("/", Value.map("sid", "oSO0OpakMV_3jnilAAAA", "pid", "x1")));
        add(samples, "disconnect main", Packet.disconnect("/"));
        add(samples, "disconnect admin", Packet.disconnect("/admin"));
        add(samples, "event", Packet.event("/", Packet.NO_ACK, Value.list(Value.of("foo"))));
        add(samples, "event admin", Packet.event("/admin", Packet.NO_ACK, Value.list(Value.of("bar"))));
        add(samples, "event with ack", Packet.event("/", 12, Value.list(Value.of("foo"))));
        add(samples, "event admin with ack", Packet.event("/admin", 13, Value.list(Value.of("tellme"), Value.of(1))));
        add(samples, "event numeric name", Packet.event("/", Packet.NO_ACK, Value.list(Value.of(7), Value.of("x"))));
        add(samples, "game input", Packet.event("/", Packet.NO_ACK, (ListValue) gameInput()));
        add(samples, "state 1 KB", Packet.event("/", Packet.NO_ACK, (ListValue) state()));
        add(samples, "strings", Packet.event("/", Packet.NO_ACK, Value.list(Value.of("chat"),
                Value.of("quote \" backslash \\ nl \n tab \t cr \r bs \b ff \f ctl \u0001\u001f del \u007f / é ☃ 😀 \u2028"),
                Value.of(""), Value.of("x".repeat(31)), Value.of("y".repeat(32)), Value.of("z".repeat(300)),
                Value.of("é".repeat(40000)))));
        add(samples, "integers", Packet.event("/", Packet.NO_ACK, list("n", 0, 1, -1, 127, 128, 255, 256, 65535,
                65536, 4294967295L, 4294967296L, -32, -33, -128, -129, -32768, -32769, -2147483648L, -2147483649L,
                9007199254740991L, -9007199254740991L)));
        add(samples, "doubles", Packet.event("/", Packet.NO_ACK, list("d", 0.5, -1.5, 0.1, 0.2 + 0.1, 1e-7,
                1.5e-7, 1e-6, 0.000001234, 123456789.125, 5e-324, 1.5e-323, 9.9e-324, 0x1p60, 100.0, -0.0, -2.0,
                3.0e-5, 2.5e-300, 1234567890123456789.0, -1234567890123456789.0, 4.35, 0.3, Double.MIN_NORMAL)));
        add(samples, "random doubles", Packet.event("/", Packet.NO_ACK, randomDoubles()));
        add(samples, "nested", Packet.event("/", Packet.NO_ACK, Value.list(Value.of("n"), Value.map(
                "flags", Value.list(Value.TRUE, Value.FALSE, Value.NULL),
                "empty", Value.map(), "emptyList", Value.list(),
                "deep", Value.map("a", Value.map("b", Value.list(Value.list(Value.of(1)))))))));
        add(samples, "big containers", Packet.event("/", Packet.NO_ACK, Value.list(Value.of("big"),
                bigMap(20), bigList(20), bigList(70000))));
        add(samples, "binary event", Packet.event("/", Packet.NO_ACK, Value.list(Value.of("baz"), bytes(1, 2, 3, 4))));
        add(samples, "binary event admin with ack, nested", Packet.event("/admin", 14, Value.list(Value.of("baz"),
                Value.map("a", bytes(1, 2), "b", Value.list(bytes(3, 4), Value.of(new byte[0]))),
                Value.of(new byte[300]))));
        add(samples, "binary ack", Packet.ack("/", 15, Value.list(Value.of("bar"), bytes(1, 2, 3, 4))));
        add(samples, "large binary", Packet.event("/", Packet.NO_ACK, Value.list(Value.of("blob"),
                Value.of(pattern(70000)))));
        add(samples, "ack empty", Packet.ack("/", 0, Value.list()));
        add(samples, "ack admin", Packet.ack("/admin", 13, Value.list(Value.of("bar"))));
        add(samples, "ack big id", Packet.ack("/", 4294967296L, Value.list(Value.NULL)));
        add(samples, "connect error", Packet.connectError("/", Value.map("message", "Not authorized")));
        add(samples, "connect error admin with data", Packet.connectError("/admin",
                Value.map("message", "Invalid namespace", "data", Value.map("code", 3))));
        add(samples, "connect error string", Packet.connectError("/", Value.of("oops")));
        add(samples, "unicode namespace", Packet.event("/é-☃", Packet.NO_ACK, Value.list(Value.of("hi"))));
        return samples;
    }

    /**
     * Samples for the default parser only. Integral doubles of 2^63 and more: notepack.io 2.2 writes a
     * wrapped, wrong uint 64 for them, which we do not copy (we write a float 64). Lone surrogates:
     * JSON.stringify escapes them (as we do) while notepack.io writes bytes that are not UTF-8.
     */
    static List<Sample> jsonOnly() {
        return List.of(
                new Sample("huge integral doubles", Packet.event("/", Packet.NO_ACK,
                        list("h", 1e21, 1e20, 1e300, -1e300, 1.7976931348623157e308, 0x1p63, 0x1p64, 1e22 + 1e6))),
                new Sample("lone surrogates", Packet.event("/", Packet.NO_ACK,
                        list("s", "lone \ud800 x", "end \udc00", "pair \ud83d\ude00"))));
    }

    static ListValue list(String name, Object... items) {
        ListValue.Builder list = ListValue.builder().add(name);
        for (Object item : items) {
            list.add(Value.from(item));
        }
        return list.build();
    }

    static Value bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return Value.of(bytes);
    }

    /** Any bit pattern below 2^63 in magnitude (subnormals included): every digit-count and exponent path. */
    private static double subnormalOrTiny(Random random) {
        double d;
        do {
            d = Double.longBitsToDouble(random.nextLong() & 0x7fffffffffffffffL);
        } while (Double.isNaN(d) || d >= 0x1p63);
        return random.nextBoolean() ? d : -d;
    }

    private static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    private static ListValue randomDoubles() {
        Random random = new Random(7);
        ListValue.Builder list = ListValue.builder().add("r");
        for (int i = 0; i < 200; i++) {
            double d = switch (i % 4) {
                case 0 -> random.nextDouble();
                case 1 -> random.nextGaussian() * 1e6;
                case 2 -> subnormalOrTiny(random);
                default -> random.nextInt(100000) / 1000.0;
            };
            list.add(d);
        }
        return list.build();
    }

    private static Value bigMap(int size) {
        MapValue.Builder map = MapValue.builder();
        for (int i = 0; i < size; i++) {
            map.put("k" + i, i);
        }
        return map.build();
    }

    private static Value bigList(int size) {
        ListValue.Builder list = ListValue.builder(size);
        for (int i = 0; i < size; i++) {
            list.add(i % 3);
        }
        return list.build();
    }

    private static void add(List<Sample> samples, String name, Packet packet) {
        samples.add(new Sample(name, packet));
    }
}
