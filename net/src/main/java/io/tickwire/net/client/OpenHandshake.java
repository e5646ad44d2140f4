package io.tickwire.net.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The data of the server's OPEN packet (Engine.IO v4 "Handshake"): session id, offered upgrades and
 * heartbeat timing.
 */
record OpenHandshake(String sid, List<String> upgrades, long pingIntervalMs, long pingTimeoutMs, long maxPayloadBytes) {
    private static final JsonFactory JSON = new JsonFactory();

    /** @throws IllegalArgumentException if {@code json} is not a valid OPEN payload */
    static OpenHandshake parse(String json) {
        String sid = null;
        List<String> upgrades = new ArrayList<>();
        long pingInterval = -1;
        long pingTimeout = -1;
        long maxPayload = 1_000_000;
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("OPEN data is not an object: " + json);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "sid" -> sid = p.getValueAsString();
                    case "pingInterval" -> pingInterval = p.getValueAsLong(-1);
                    case "pingTimeout" -> pingTimeout = p.getValueAsLong(-1);
                    case "maxPayload" -> maxPayload = p.getValueAsLong(maxPayload);
                    case "upgrades" -> {
                        if (value == JsonToken.START_ARRAY) {
                            while (p.nextToken() == JsonToken.VALUE_STRING) {
                                upgrades.add(p.getText());
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("OPEN data is not valid JSON: " + json, e);
        }
        if (sid == null || pingInterval <= 0 || pingTimeout <= 0) {
            throw new IllegalArgumentException("OPEN data lacks sid, pingInterval or pingTimeout: " + json);
        }
        return new OpenHandshake(sid, List.copyOf(upgrades), pingInterval, pingTimeout, maxPayload);
    }
}
