package io.tickwire.net.socketio.parser;

/**
 * Options of the Socket.IO parsers, shared by every connection of a server.
 *
 * @param pinnedParser         the parser every connection uses, or {@code null} (default) to choose per
 *                             connection from the first message the client sends
 * @param maxAttachments       binary attachments allowed in one default-parser packet (socket.io-parser's
 *                             {@code maxAttachments}, default 10)
 * @param maxNestingDepth      arrays/objects nested deeper than this in a payload are refused (default 64)
 * @param maxStringLengthChars a longer string (or map key) in a payload is refused (default 1,000,000, the
 *                             Engine.IO {@code maxHttpBufferSize} default, which bounds a message anyway)
 * @param maxNameLengthChars   a longer namespace or event name is refused (default 256; Socket.IO has no such
 *                             limit, but names are keys of the server's registries and logs)
 */
public record ParserOptions(ParserKind pinnedParser, int maxAttachments, int maxNestingDepth, int maxStringLengthChars,
                            int maxNameLengthChars) {

    /** @throws IllegalArgumentException naming the option that is out of range */
    public ParserOptions {
        if (maxAttachments < 1) {
            throw new IllegalArgumentException("maxAttachments must be >= 1: " + maxAttachments);
        }
        if (maxNestingDepth < 2) {
            throw new IllegalArgumentException("maxNestingDepth must be >= 2 (an event's array holds objects): "
                    + maxNestingDepth);
        }
        if (maxStringLengthChars < 1) {
            throw new IllegalArgumentException("maxStringLengthChars must be >= 1: " + maxStringLengthChars);
        }
        if (maxNameLengthChars < 1) {
            throw new IllegalArgumentException("maxNameLengthChars must be >= 1: " + maxNameLengthChars);
        }
    }

    public static ParserOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ParserOptions}; validation happens in {@link #build()}. */
    public static final class Builder {
        private ParserKind pinnedParser;
        private int maxAttachments = 10;
        private int maxNestingDepth = 64;
        private int maxStringLengthChars = 1_000_000;
        private int maxNameLengthChars = 256;

        private Builder() {
        }

        /** Every connection uses {@code parser}; {@code null} restores the per-connection choice. */
        public Builder pinnedParser(ParserKind parser) {
            this.pinnedParser = parser;
            return this;
        }

        public Builder maxAttachments(int maxAttachments) {
            this.maxAttachments = maxAttachments;
            return this;
        }

        public Builder maxNestingDepth(int maxNestingDepth) {
            this.maxNestingDepth = maxNestingDepth;
            return this;
        }

        public Builder maxStringLengthChars(int maxStringLengthChars) {
            this.maxStringLengthChars = maxStringLengthChars;
            return this;
        }

        public Builder maxNameLengthChars(int maxNameLengthChars) {
            this.maxNameLengthChars = maxNameLengthChars;
            return this;
        }

        public ParserOptions build() {
            return new ParserOptions(pinnedParser, maxAttachments, maxNestingDepth, maxStringLengthChars,
                    maxNameLengthChars);
        }
    }
}
