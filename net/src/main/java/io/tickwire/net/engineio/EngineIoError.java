package io.tickwire.net.engineio;

import java.nio.charset.StandardCharsets;

/**
 * The errors a request can be refused with, with the reference server's codes, messages and HTTP
 * statuses. The response body is {@code {"code":<code>,"message":"<message>"}} as JSON.
 */
public enum EngineIoError {
    UNKNOWN_TRANSPORT(0, "Transport unknown"),
    UNKNOWN_SID(1, "Session ID unknown"),
    BAD_HANDSHAKE_METHOD(2, "Bad handshake method"),
    BAD_REQUEST(3, "Bad request"),
    FORBIDDEN(4, "Forbidden"),
    UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version");

    private final int code;
    private final String message;

    EngineIoError(int code, String message) {
        this.code = code;
        this.message = message;
    }

    /** The spec's numeric code, 0 to 5. */
    public int code() {
        return code;
    }

    /** The reference server's message for this code. */
    public String message() {
        return message;
    }

    /** 403 for {@link #FORBIDDEN}, 400 for every other error. */
    public int httpStatus() {
        return this == FORBIDDEN ? 403 : 400;
    }

    /** The JSON body, with {@code messageOverride} in place of the default message when not null. */
    public byte[] jsonBody(String messageOverride) {
        String text = messageOverride != null ? messageOverride : message;
        StringBuilder json = new StringBuilder(40 + text.length()).append("{\"code\":").append(code)
                .append(",\"message\":\"");
        JsonText.appendEscaped(json, text);
        return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
