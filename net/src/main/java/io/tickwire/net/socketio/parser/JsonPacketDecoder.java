package io.tickwire.net.socketio.parser;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.nio.charset.StandardCharsets;

/**
 * The default parser's decoder for one connection, an explicit state machine:
 *
 * <pre>
 *                text: plain packet ──▶ emitted
 *   AWAITING_PACKET ── text: BINARY_EVENT/ACK with n attachments ──▶ AWAITING_ATTACHMENTS
 *   AWAITING_ATTACHMENTS ── binary (n-th) ──▶ packet emitted with bytes in place ──▶ AWAITING_PACKET
 *   any state ── bad input (or text while awaiting attachments, binary while not) ──▶ CORRUPT (terminal)
 * </pre>
 *
 * Header and payload rules are socket.io-parser 4.2's ({@code Decoder.decodeString}, {@code
 * isPayloadValid}, {@code maxAttachments}); see {@link PayloadRules} for the one deliberate tightening.
 * Attachments are copied out of the borrowed messages into the packet's {@link BytesValue}s.
 */
public final class JsonPacketDecoder implements PacketDecoder {
    private enum State { AWAITING_PACKET, AWAITING_ATTACHMENTS, CORRUPT }

    private final JsonPayloadReader reader;
    private final int maxAttachments;
    private final int maxNameLengthChars;
    private State state = State.AWAITING_PACKET;
    private Packet pending;
    private byte[][] attachments;
    private int attachmentsReceived;
    private String lastNamespace = Packet.MAIN_NAMESPACE;

    JsonPacketDecoder(JsonPayloadReader reader, int maxAttachments, int maxNameLengthChars) {
        this.reader = reader;
        this.maxAttachments = maxAttachments;
        this.maxNameLengthChars = maxNameLengthChars;
    }

    @Override
    public ParserKind kind() {
        return ParserKind.DEFAULT;
    }

    @Override
    public Packet decode(ByteBuf message, boolean binary) {
        try {
            switch (state) {
                case AWAITING_PACKET:
                    if (binary) {
                        throw new MalformedPacketException("got binary data when not reconstructing a packet");
                    }
                    return decodeText(message);
                case AWAITING_ATTACHMENTS:
                    if (!binary) {
                        throw new MalformedPacketException("got plaintext data when reconstructing a packet");
                    }
                    return takeAttachment(message);
                default:
                    throw new MalformedPacketException("decoder is corrupt after an earlier malformed packet");
            }
        } catch (RuntimeException e) {
            // whatever the cause, bad input must only close its own connection: report it as malformed
            state = State.CORRUPT;
            pending = null;
            attachments = null;
            throw e instanceof MalformedPacketException m ? m : new MalformedPacketException("malformed packet: " + e, e);
        }
    }

    private Packet decodeText(ByteBuf message) {
        int i = message.readerIndex();
        int end = message.writerIndex();
        if (i == end) {
            return Packet.connect(Packet.MAIN_NAMESPACE, null); // socket.io-parser reads "" as type Number("") = 0
        }
        int typeDigit = message.getByte(i++) - '0';
        PacketType type = typeDigit >= 0 && typeDigit <= 9 ? PacketType.fromNumber(typeDigit) : null;
        if (type == null) {
            throw new MalformedPacketException("unknown packet type " + describe(message.getByte(i - 1)));
        }
        int attachmentCount = 0;
        boolean isBinary = type == PacketType.BINARY_EVENT || type == PacketType.BINARY_ACK;
        if (isBinary) {
            int digitsStart = i;
            long count = 0;
            while (i < end && isDigit(message.getByte(i))) {
                count = Math.min(count * 10 + message.getByte(i++) - '0', Integer.MAX_VALUE);
            }
            if (i == digitsStart || i == end || message.getByte(i) != '-' || count < 1) {
                throw new MalformedPacketException("Illegal attachments");
            }
            if (count > maxAttachments) {
                throw new MalformedPacketException("too many attachments: " + count + " > maxAttachments " + maxAttachments);
            }
            attachmentCount = (int) count;
            i++;
        }
        String namespace = Packet.MAIN_NAMESPACE;
        if (i < end && message.getByte(i) == '/') {
            int comma = message.indexOf(i, end, (byte) ',');
            int nspEnd = comma < 0 ? end : comma;
            namespace = namespace(message, i, nspEnd);
            i = comma < 0 ? end : comma + 1;
        }
        long ackId = Packet.NO_ACK;
        if (i < end && isDigit(message.getByte(i))) {
            ackId = 0;
            while (i < end && isDigit(message.getByte(i))) {
                if (ackId > (Long.MAX_VALUE - 9) / 10) {
                    throw new MalformedPacketException("ack id too large");
                }
                ackId = ackId * 10 + message.getByte(i++) - '0';
            }
        }
        Value data = i < end ? reader.read(message, i, end - i) : null;
        PayloadRules.check(type, namespace, data, maxNameLengthChars);
        Packet packet = new Packet(type.withoutBinary(), namespace, ackId, data);
        if (!isBinary) {
            return packet;
        }
        pending = packet;
        attachments = new byte[attachmentCount][];
        attachmentsReceived = 0;
        state = State.AWAITING_ATTACHMENTS;
        return null;
    }

    private Packet takeAttachment(ByteBuf message) {
        attachments[attachmentsReceived++] = ByteBufUtil.getBytes(message);
        if (attachmentsReceived < attachments.length) {
            return null;
        }
        Packet complete = new Packet(pending.type(), pending.namespace(), pending.ackId(),
                Placeholders.reconstruct(pending.data(), attachments));
        pending = null;
        attachments = null;
        state = State.AWAITING_PACKET;
        return complete;
    }

    /** The namespace between {@code from} and {@code to}; the previous one is reused when the bytes match. */
    private String namespace(ByteBuf message, int from, int to) {
        String last = lastNamespace;
        int length = to - from;
        if (last.length() == length) {
            boolean same = true;
            for (int k = 0; k < length && same; k++) {
                same = last.charAt(k) == message.getByte(from + k);
            }
            if (same) {
                return last;
            }
        }
        lastNamespace = message.toString(from, length, StandardCharsets.UTF_8);
        return lastNamespace;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static String describe(byte b) {
        return b >= 0x20 && b < 0x7f ? "'" + (char) b + "'" : String.format("0x%02x", b & 0xff);
    }
}
