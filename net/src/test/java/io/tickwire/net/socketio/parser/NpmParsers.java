package io.tickwire.net.socketio.parser;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tickwire.net.testing.NodeProcess;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The npm parsers (socket.io-parser, socket.io-msgpack-parser) in one Node process, asked one packet at
 * a time through {@code net/src/test/js/parser/npm-parsers.mjs}. The fixtures of the compatibility tests
 * are whatever these answer at test time.
 */
final class NpmParsers implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Requests escape every non-ASCII char, so that even lone surrogates reach Node intact. */
    private static final JsonFactory JSON = new com.fasterxml.jackson.core.JsonFactoryBuilder()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** One Engine.IO message. */
    record Frame(boolean binary, byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Frame f && f.binary == binary && Arrays.equals(f.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return (binary ? "binary " : "text ") + (binary ? Arrays.toString(bytes) : new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** What an npm Decoder made of some frames: the packets, or its error message. */
    record Decoded(List<Packet> packets, String error) {
    }

    private final NodeProcess node;

    NpmParsers() throws InterruptedException {
        node = NodeProcess.start("net/src/test/js/parser/npm-parsers.mjs");
        node.awaitLine("{\"ready\":true}", TIMEOUT);
    }

    List<Frame> encode(ParserKind parser, Packet packet) throws InterruptedException {
        String reply = ask("{\"op\":\"encode\",\"parser\":\"" + name(parser) + "\",\"packet\":" + tagged(packet) + "}");
        try (JsonParser p = JSON.createParser(reply)) {
            List<Frame> frames = new ArrayList<>();
            expect(p, JsonToken.START_OBJECT);
            String field = p.nextFieldName();
            if (!"frames".equals(field)) {
                throw new AssertionError("npm encoder failed: " + reply);
            }
            expect(p, JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Value frame = read(p, JsonToken.START_OBJECT);
                frames.add(new Frame(frame.get("binary").asBoolean(), Base64.getDecoder().decode(frame.get("base64").asString())));
            }
            return frames;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Decoded decode(ParserKind parser, List<Frame> frames) throws InterruptedException {
        StringBuilder request = new StringBuilder("{\"op\":\"decode\",\"parser\":\"" + name(parser) + "\",\"frames\":[");
        for (int i = 0; i < frames.size(); i++) {
            request.append(i == 0 ? "" : ",").append("{\"binary\":").append(frames.get(i).binary())
                    .append(",\"base64\":\"").append(Base64.getEncoder().encodeToString(frames.get(i).bytes())).append("\"}");
        }
        String reply = ask(request.append("]}").toString());
        try (JsonParser p = JSON.createParser(reply)) {
            Value answer = read(p, p.nextToken());
            if (answer.has("error")) {
                return new Decoded(List.of(), answer.get("error").asString());
            }
            List<Packet> packets = new ArrayList<>();
            for (Value packet : answer.get("packets").asList()) {
                packets.add(new Packet(PacketType.fromNumber(packet.get("type").asLong()), packet.get("nsp").asString(),
                        packet.has("id") ? packet.get("id").asLong() : Packet.NO_ACK,
                        packet.has("data") ? packet.get("data") : null));
            }
            return new Decoded(packets, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String ask(String request) throws InterruptedException {
        node.send(request);
        return node.awaitLine(line -> true, TIMEOUT);
    }

    private static String name(ParserKind parser) {
        return parser == ParserKind.MSGPACK ? "msgpack" : "default";
    }

    static String tagged(Packet packet) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("type", packet.type().number());
            g.writeStringField("nsp", packet.namespace());
            if (packet.hasAckId()) {
                g.writeNumberField("id", packet.ackId());
            }
            if (packet.hasData()) {
                g.writeFieldName("data");
                write(g, packet.data());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Value v) throws IOException {
        switch (v.kind()) {
            case NULL -> g.writeNull();
            case BOOLEAN -> g.writeBoolean(v.asBoolean());
            case LONG -> g.writeNumber(v.asLong());
            case DOUBLE -> g.writeNumber(v.asDouble());
            case STRING -> g.writeString(v.asString());
            case BYTES -> {
                g.writeStartObject();
                g.writeStringField("$bytes", Base64.getEncoder().encodeToString(v.asBytes()));
                g.writeEndObject();
            }
            case LIST -> {
                g.writeStartArray();
                for (Value item : v.asList()) {
                    write(g, item);
                }
                g.writeEndArray();
            }
            case MAP -> {
                g.writeStartObject();
                for (var entry : v.asMap().entrySet()) {
                    g.writeFieldName(entry.getKey());
                    write(g, entry.getValue());
                }
                g.writeEndObject();
            }
        }
    }

    private static Value read(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                MapValue.Builder map = MapValue.builder();
                String key;
                while ((key = p.nextFieldName()) != null) {
                    map.put(key, read(p, p.nextToken()));
                }
                MapValue built = map.build();
                return built.size() == 1 && built.get("$bytes").isString()
                        ? Value.of(Base64.getDecoder().decode(built.get("$bytes").asString())) : built;
            }
            case START_ARRAY: {
                ListValue.Builder list = ListValue.builder();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(read(p, next));
                }
                return list.build();
            }
            case VALUE_STRING:
                return Value.of(p.getText());
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? Value.of(p.getDoubleValue()) : Value.of(p.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return Value.of(p.getDoubleValue());
            case VALUE_TRUE:
                return Value.TRUE;
            case VALUE_FALSE:
                return Value.FALSE;
            default:
                return Value.NULL;
        }
    }

    private static void expect(JsonParser p, JsonToken token) throws IOException {
        if (p.nextToken() != token) {
            throw new AssertionError("expected " + token + " at " + p.currentLocation());
        }
    }

    @Override
    public void close() {
        node.close();
    }
}
