package io.tickwire.benchmarks.socketio.parser;

import io.tickwire.net.socketio.parser.ListValue;
import io.tickwire.net.socketio.parser.MapValue;
import io.tickwire.net.socketio.parser.Packet;
import io.tickwire.net.socketio.parser.Value;

/**
 * The packets the parser benchmarks encode and decode. {@code benchmarks/peers/parser-speed.mjs} builds
 * the same packets with the same formulas for the npm parsers: change both together.
 */
public final class ParserInputs {
    private ParserInputs() {
    }

    /** {@code ["input",{"seq":123,"keys":5,"ax":0.5,"ay":-1}]}: a typical client input (42 bytes of JSON). */
    public static Packet gameInput() {
        return Packet.event("/", Packet.NO_ACK, Value.list(Value.of("input"),
                MapValue.builder().put("seq", 123).put("keys", 5).put("ax", 0.5).put("ay", -1).build()));
    }

    /** A snapshot of 12 players, about 1 KB of JSON. */
    public static Packet state() {
        ListValue.Builder players = ListValue.builder(12);
        for (int i = 0; i < 12; i++) {
            players.add(MapValue.builder()
                    .put("id", i + 1)
                    .put("x", (i * 7919 % 100000) / 100.0 + 0.25)
                    .put("y", (i * 104729 % 100000) / 100.0 + 0.5)
                    .put("vx", (i - 6) * 1.25)
                    .put("hp", 100 - i * 7)
                    .put("name", "p" + i)
                    .put("alive", i % 5 != 0)
                    .build());
        }
        return Packet.event("/", Packet.NO_ACK, Value.list(Value.of("state"),
                MapValue.builder().put("tick", 48213).put("players", players.build()).build()));
    }

    /** {@code ["chunk",{"seq":7},<1 KiB of bytes>]}: a binary event. */
    public static Packet binary() {
        byte[] bytes = new byte[1024];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return Packet.event("/", Packet.NO_ACK, Value.list(Value.of("chunk"), Value.map("seq", 7), Value.of(bytes)));
    }

    public static Packet byName(String name) {
        return switch (name) {
            case "input" -> gameInput();
            case "state" -> state();
            case "binary" -> binary();
            default -> throw new IllegalArgumentException("no parser input named " + name);
        };
    }
}
