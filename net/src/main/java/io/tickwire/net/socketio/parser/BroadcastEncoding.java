package io.tickwire.net.socketio.parser;

/**
 * One packet on its way to many connections, encoded at most once per parser kind, on first use:
 *
 * <pre>
 *   BroadcastEncoding b = parsers.broadcast(packet);
 *   try {
 *       for (each recipient) {
 *           EncodedPacket e = b.forKind(recipient.codec().kind());   // borrowed from b
 *           for (int i = 0; i &lt; e.frameCount(); i++) {
 *               recipient.send(e.frame(i).retainedDuplicate(), e.isBinary(i)); // send takes ownership
 *           }
 *       }
 *   } finally {
 *       b.release();
 *   }
 * </pre>
 *
 * Not thread-safe: used by the one thread that runs the broadcast.
 */
public final class BroadcastEncoding {
    private final PacketParsers parsers;
    private final Packet packet;
    private EncodedPacket json;
    private EncodedPacket msgpack;

    BroadcastEncoding(PacketParsers parsers, Packet packet) {
        this.parsers = parsers;
        this.packet = packet;
    }

    public Packet packet() {
        return packet;
    }

    /**
     * The packet encoded for {@code kind} (null = undecided connection: the default parser).
     *
     * @return borrowed: owned by this object until {@link #release()}
     */
    public EncodedPacket forKind(ParserKind kind) {
        if (kind == ParserKind.MSGPACK) {
            if (msgpack == null) {
                msgpack = parsers.encode(packet, ParserKind.MSGPACK);
            }
            return msgpack;
        }
        if (json == null) {
            json = parsers.encode(packet, ParserKind.DEFAULT);
        }
        return json;
    }

    /** Releases the encodings made; the duplicates already handed out stay valid. */
    public void release() {
        if (json != null) {
            json.release();
            json = null;
        }
        if (msgpack != null) {
            msgpack.release();
            msgpack = null;
        }
    }
}
