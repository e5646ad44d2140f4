package io.tickwire.net.socketio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.tickwire.net.engineio.transport.WebSocketFrames;
import io.tickwire.net.socketio.parser.BroadcastEncoding;
import io.tickwire.net.socketio.parser.EncodedPacket;
import io.tickwire.net.socketio.parser.ParserKind;

/**
 * A broadcast made ready for many connections before it is handed to their event loops: per parser kind the
 * packet's Engine.IO messages ({@link BroadcastEncoding}) and the complete WebSocket frames carrying them
 * ({@link WebSocketFrames}), so that a WebSocket recipient costs one retained duplicate and one channel write.
 *
 * <p>The frames come from Netty's pooled allocator, whose {@code retainedDuplicate()} hands out recycled
 * objects (the adaptive default allocates a new duplicate per call). An event loop that writes to many of
 * its connections first takes a {@link #retainedView()} and duplicates that: the reference counts touched per
 * recipient are then its own, not a cache line shared with the other loops.
 *
 * <p>Threading: {@link #prepare} on the broadcasting thread only, before any other thread sees the object;
 * afterwards it is read-only and any thread may write it to sockets and take views. Ownership: the creator
 * owns the root (and its encoding) and releases it once with {@link #release()}; the caller of
 * {@link #retainedView()} must release the view, before the root is released.
 */
public final class PreparedBroadcast {
    private static final ByteBufAllocator FRAME_ALLOCATOR = PooledByteBufAllocator.DEFAULT;

    private final BroadcastEncoding encoding;
    private final boolean root;
    // volatile: a sender that keeps a broadcast across ticks may prepare another kind while a batch of an
    // earlier tick takes a view; the byte counts are written before the frames that publish them
    private volatile ByteBuf jsonFrames;
    private volatile ByteBuf msgpackFrames;
    private int jsonBytes;
    private int msgpackBytes;

    /** Takes ownership of {@code encoding}. */
    public PreparedBroadcast(BroadcastEncoding encoding) {
        this(encoding, true);
    }

    private PreparedBroadcast(BroadcastEncoding encoding, boolean root) {
        this.encoding = encoding;
        this.root = root;
    }

    /** The encoding, borrowed: valid until the root is released. */
    public BroadcastEncoding encoding() {
        return encoding;
    }

    /** Encodes the packet for {@code kind} and builds its WebSocket frames, once; the broadcasting thread only. */
    public void prepare(ParserKind kind) {
        if (kind == ParserKind.MSGPACK) {
            if (msgpackFrames == null) {
                EncodedPacket e = encoding.forKind(kind);
                msgpackBytes = payloadBytes(e);
                msgpackFrames = frames(e);
            }
        } else if (jsonFrames == null) {
            EncodedPacket e = encoding.forKind(kind);
            jsonBytes = payloadBytes(e);
            jsonFrames = frames(e);
        }
    }

    /** The prepared frames for {@code kind} (null = default parser), borrowed; null if not prepared. */
    ByteBuf webSocketFrames(ParserKind kind) {
        return kind == ParserKind.MSGPACK ? msgpackFrames : jsonFrames;
    }

    /** The packet's payload bytes for {@code kind}, headers excluded; 0 if not prepared. */
    int payloadBytes(ParserKind kind) {
        return kind == ParserKind.MSGPACK ? msgpackBytes : jsonBytes;
    }

    /**
     * A view with its own references to the prepared frames (the encoding is borrowed from the root), for one
     * thread that writes to many connections. Any thread, after preparation; the caller must release the result.
     */
    public PreparedBroadcast retainedView() {
        PreparedBroadcast view = new PreparedBroadcast(encoding, false);
        ByteBuf json = jsonFrames;
        if (json != null) {
            view.jsonBytes = jsonBytes;
            view.jsonFrames = json.retainedDuplicate();
        }
        ByteBuf msgpack = msgpackFrames;
        if (msgpack != null) {
            view.msgpackBytes = msgpackBytes;
            view.msgpackFrames = msgpack.retainedDuplicate();
        }
        return view;
    }

    /** Releases the frames and, for the root, the encoding; the duplicates already written stay valid. */
    public void release() {
        ByteBuf json = jsonFrames;
        if (json != null) {
            jsonFrames = null;
            json.release();
        }
        ByteBuf msgpack = msgpackFrames;
        if (msgpack != null) {
            msgpackFrames = null;
            msgpack.release();
        }
        if (root) {
            encoding.release();
        }
    }

    private static ByteBuf frames(EncodedPacket e) {
        int count = e.frameCount();
        ByteBuf[] payloads = new ByteBuf[count];
        boolean[] binary = new boolean[count];
        for (int i = 0; i < count; i++) {
            payloads[i] = e.frame(i);
            binary[i] = e.isBinary(i);
        }
        return WebSocketFrames.ofMessages(FRAME_ALLOCATOR, payloads, binary, count);
    }

    private static int payloadBytes(EncodedPacket e) {
        int bytes = 0;
        for (int i = 0; i < e.frameCount(); i++) {
            bytes += e.frame(i).readableBytes();
        }
        return bytes;
    }
}
