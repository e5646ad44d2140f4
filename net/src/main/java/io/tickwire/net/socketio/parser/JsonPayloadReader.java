package io.tickwire.net.socketio.parser;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.netty.buffer.ByteBuf;

import java.io.IOException;

/**
 * Reads the JSON part of a default-parser packet into a {@link Value} with jackson-core's streaming
 * parser, as strictly as {@code JSON.parse} (one value, optional surrounding whitespace) and within the
 * {@link ParserOptions} nesting and string limits. Shared by every connection of a server: thread-safe.
 */
final class JsonPayloadReader {
    private final JsonFactory factory;
    private final ThreadLocal<byte[][]> directCopy = ThreadLocal.withInitial(() -> new byte[][] {new byte[256]});

    JsonPayloadReader(ParserOptions options) {
        factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(options.maxNestingDepth())
                        .maxStringLength(options.maxStringLengthChars())
                        .maxNameLength(options.maxStringLengthChars())
                        .build())
                .build();
    }

    /**
     * Parses {@code length} bytes of {@code message} from {@code offset} (absolute index).
     *
     * @param message borrows (does not retain)
     * @throws MalformedPacketException on anything {@code JSON.parse} refuses, or a limit exceeded
     */
    Value read(ByteBuf message, int offset, int length) {
        byte[] bytes;
        int start;
        if (message.hasArray()) {
            bytes = message.array();
            start = message.arrayOffset() + offset;
        } else {
            byte[][] holder = directCopy.get();
            if (holder[0].length < length) {
                holder[0] = new byte[Math.max(length, holder[0].length * 2)];
            }
            bytes = holder[0];
            start = 0;
            message.getBytes(offset, bytes, 0, length);
        }
        try (JsonParser parser = factory.createParser(bytes, start, length)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedPacketException("invalid payload: no JSON value");
            }
            Value value = readValue(parser, first);
            if (parser.nextToken() != null) {
                throw new MalformedPacketException("invalid payload: data after the JSON value");
            }
            return value;
        } catch (StreamConstraintsException e) {
            throw new MalformedPacketException("invalid payload: limit exceeded: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedPacketException("invalid payload: bad JSON: " + e.getMessage(), e);
        }
    }

    private static Value readValue(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                MapValue.Builder map = MapValue.builder();
                String key;
                while ((key = parser.nextFieldName()) != null) {
                    map.put(key, readValue(parser, parser.nextToken()));
                }
                return map.build();
            }
            case START_ARRAY: {
                ListValue.Builder list = ListValue.builder();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(readValue(parser, next));
                }
                return list.build();
            }
            case VALUE_STRING:
                return new StringValue(parser.getText());
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? Value.of(parser.getDoubleValue())
                        : Value.of(parser.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return Value.of(parser.getDoubleValue());
            case VALUE_TRUE:
                return Value.TRUE;
            case VALUE_FALSE:
                return Value.FALSE;
            case VALUE_NULL:
                return Value.NULL;
            default:
                throw new MalformedPacketException("invalid payload: unexpected JSON token " + token);
        }
    }
}
