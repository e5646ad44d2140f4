package io.tickwire.net.engineio.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.tickwire.net.engineio.EngineIoOptions;
import io.tickwire.net.engineio.PacketType;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The WebSocket transport ("Transports", WebSocket): one Engine.IO packet per frame; text frames carry
 * the type digit and UTF-8 data, binary frames carry a binary message as is. It is also the last
 * inbound handler of its channel, after Netty's frame decoder and {@code WebSocketFrameAggregator}.
 *
 * <p>An outgoing packet is written as a small pooled buffer holding the frame header and, for text, the
 * type digit ({@link WebSocketFrameHeader}), then the caller's payload buffer itself: a broadcast that
 * hands every recipient {@code payload.retainedDuplicate()} never copies the payload per recipient and
 * allocates no frame object. With per-message deflate, frames go through Netty's compressing encoder
 * instead, text as a composite of a shared, unreleasable {@code "4"} buffer and the payload.
 *
 * <p>Threading: inbound frames arrive on the channel's loop and are handed to the session's loop when it
 * is another one (after a polling session upgraded over a connection of another loop).
 */
public final class WebSocketTransport extends ChannelInboundHandlerAdapter implements Transport {
    private static final ByteBuf MESSAGE_PREFIX = Unpooled.unreleasableBuffer(
            Unpooled.directBuffer(1, 1).writeByte(PacketType.MESSAGE.asciiDigit()));

    private final TransportEvents events;
    private final EventLoop sessionLoop;
    private final Channel channel;
    private final boolean rawFrames;
    /** How long the close frame may take to leave before the connection is closed regardless. */
    private static final long CLOSE_FRAME_GRACE_MS = 1000;
    private static final PendingFrame FLUSH_ONLY = new PendingFrame(null, null, false, true);

    private final PayloadDecoder.PacketSink sink = this::onDecodedPacket;
    private final Queue<PendingFrame> crossThreadFrames = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drainTask = this::drainCrossThreadFrames;
    private boolean closed;
    private boolean flushDeferred;                      // queued in the loop's TurnFlushes; channel's loop only

    /**
     * A transport over {@code channel} (already upgraded) for a session living on {@code sessionLoop}.
     *
     * @param perMessageDeflate whether compression was negotiable on this channel: frames then go out as
     *                          Netty frame objects (composite text), else as header + shared payload
     */
    public WebSocketTransport(TransportEvents events, EventLoop sessionLoop, Channel channel,
                              boolean perMessageDeflate) {
        this.events = events;
        this.sessionLoop = sessionLoop;
        this.channel = channel;
        this.rawFrames = !perMessageDeflate;
    }

    @Override
    public String name() {
        return EngineIoOptions.WEBSOCKET;
    }

    @Override
    public EventLoop sessionLoop() {
        return sessionLoop;
    }

    /** The WebSocket connection. */
    public Channel channel() {
        return channel;
    }

    @Override
    public boolean isBackpressured() {
        return !channel.isWritable();
    }

    @Override
    public long queuedBytes() {
        ChannelOutboundBuffer outbound = channel.unsafe().outboundBuffer();
        return outbound == null ? 0 : outbound.totalPendingWriteBytes();
    }

    /**
     * Writes one packet as one frame, flushing if asked. Callable from any thread; frames written from
     * one thread keep their order, and frames from different threads never interleave.
     *
     * @param data takes ownership; {@code null} for a packet without payload
     */
    public void write(PacketType type, ByteBuf data, boolean binary, boolean flush) {
        if (!rawFrames) {
            writeFrameObject(type, data, binary, flush);
        } else if (channel.eventLoop().inEventLoop()) {
            writeRawFrame(type, data, binary, flush);
        } else {
            enqueueCrossThread(new PendingFrame(type, data, binary, flush));
        }
    }

    /**
     * Whether frames go out as plain buffers ({@link #writeFrames} may be used): false when per-message
     * deflate was negotiable, since then every frame must pass Netty's compressing encoder. Any thread.
     */
    public boolean sendsRawFrames() {
        return rawFrames;
    }

    /**
     * Writes complete frames ({@link WebSocketFrames}), flushing if asked; only when {@link #sendsRawFrames()}.
     * Callable from any thread, ordered with {@link #write} as {@code write} is. On the channel's loop the
     * flush waits for the end of the loop's turn ({@link TurnFlushes}): the frames of the broadcasts a
     * connection gets in one turn leave in one system call.
     *
     * @param frames takes ownership
     */
    public void writeFrames(ByteBuf frames, boolean flush) {
        if (channel.eventLoop().inEventLoop()) {
            channel.write(frames, channel.voidPromise());
            if (flush && !flushDeferred) {
                flushDeferred = true;
                TurnFlushes.flushAtEndOfTurn(channel.eventLoop(), this);
            }
        } else {
            enqueueCrossThread(new PendingFrame(null, frames, false, flush));
        }
    }

    /**
     * The header (with the type digit) and the payload as two consecutive writes on the channel's loop,
     * where nothing can come between them; Netty's frame encoder lets plain buffers through.
     */
    private void writeRawFrame(PacketType type, ByteBuf data, boolean binary, boolean flush) {
        int payloadBytes = data == null ? 0 : data.readableBytes();
        ByteBuf header = WebSocketFrameHeader.encode(channel.alloc(), binary, type.asciiDigit(), payloadBytes);
        if (data == null) {
            writeOrFlush(header, flush);
        } else {
            channel.write(header, channel.voidPromise());
            writeOrFlush(data, flush);
        }
    }

    private void writeOrFlush(Object msg, boolean flush) {
        if (flush) {
            channel.writeAndFlush(msg, channel.voidPromise());
        } else {
            channel.write(msg, channel.voidPromise());
        }
    }

    /** With per-message deflate the frames must pass through Netty's compressing encoder as objects. */
    private void writeFrameObject(PacketType type, ByteBuf data, boolean binary, boolean flush) {
        WebSocketFrame frame;
        if (binary) {
            frame = new BinaryWebSocketFrame(data);
        } else if (type == PacketType.MESSAGE && data != null) {
            CompositeByteBuf text = channel.alloc().compositeDirectBuffer(2);
            text.addComponent(true, MESSAGE_PREFIX);
            text.addComponent(true, data);
            frame = new TextWebSocketFrame(text);
        } else {
            ByteBuf text = channel.alloc().buffer(1 + (data == null ? 0 : data.readableBytes()));
            text.writeByte(type.asciiDigit());
            if (data != null) {
                text.writeBytes(data);
                data.release();
            }
            frame = new TextWebSocketFrame(text);
        }
        writeOrFlush(frame, flush);
    }

    /** The end of the loop's turn: flushes what {@link #writeFrames} left unflushed. The channel's loop only. */
    void flushDeferred() {
        flushDeferred = false;
        channel.flush();
    }

    /** Flushes written frames. Callable from any thread. */
    public void flush() {
        if (channel.eventLoop().inEventLoop()) {
            channel.flush();
        } else {
            enqueueCrossThread(FLUSH_ONLY);
        }
    }

    /**
     * Frames from other threads (a game loop, another connection's loop relaying a broadcast) wait in a
     * queue, and one task on the channel's loop writes all that accumulated and flushes once: under load
     * the loop is woken once per batch, not once per message, and a batch costs one write(2).
     */
    private void enqueueCrossThread(PendingFrame frame) {
        crossThreadFrames.add(frame);
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                channel.eventLoop().execute(drainTask);
            } catch (RejectedExecutionException e) {
                // the channel's loop is shutting down, and the connection with it
                releaseCrossThreadFrames();
            }
        }
    }

    private void drainCrossThreadFrames() {
        drainScheduled.set(false);
        boolean flush = false;
        PendingFrame frame;
        while ((frame = crossThreadFrames.poll()) != null) {
            if (frame.type() != null) {
                writeRawFrame(frame.type(), frame.data(), frame.binary(), false);
            } else if (frame.data() != null) {
                channel.write(frame.data(), channel.voidPromise());
            }
            flush |= frame.flush();
        }
        if (flush) {
            channel.flush();
        }
    }

    private void releaseCrossThreadFrames() {
        PendingFrame frame;
        while ((frame = crossThreadFrames.poll()) != null) {
            if (frame.data() != null) {
                frame.data().release();
            }
        }
    }

    /**
     * A frame written from another thread; owns {@code data}. A null type means {@code data} holds complete
     * frames, or, with null data too, only asks for a flush.
     */
    private record PendingFrame(PacketType type, ByteBuf data, boolean binary, boolean flush) {
    }

    @Override
    public void close(boolean sendClosePacket) {
        if (closed) {
            return;
        }
        closed = true;
        if (!channel.isActive()) {
            return;
        }
        if (!channel.isWritable()) {
            // a close frame would wait behind what the client is not reading, and so would the buffers
            channel.close();
            return;
        }
        channel.writeAndFlush(new CloseWebSocketFrame()).addListener(ChannelFutureListener.CLOSE);
        channel.eventLoop().schedule(() -> {
            channel.close();
        }, CLOSE_FRAME_GRACE_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame) {
            WebSocketFrame frame = (WebSocketFrame) msg;
            if (sessionLoop.inEventLoop()) {
                try {
                    deliver(frame);
                } finally {
                    frame.release();
                }
            } else {
                try {
                    sessionLoop.execute(() -> {
                        try {
                            deliver(frame);
                        } finally {
                            frame.release();
                        }
                    });
                } catch (RejectedExecutionException e) {
                    // the session's loop is shutting down and the session with it: drop the frame
                    frame.release();
                }
            }
        } else if (msg instanceof PingWebSocketFrame ping) {
            ctx.writeAndFlush(new PongWebSocketFrame(ping.content()));
        } else if (msg instanceof CloseWebSocketFrame close) {
            ctx.writeAndFlush(close).addListener(ChannelFutureListener.CLOSE);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        onSessionLoop(() -> {
            if (!closed) {
                closed = true;
                events.onTransportClose(this);
            }
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String description = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (cause instanceof TooLongFrameException && ctx.channel().isActive()) {
            // a fragmented message over maxHttpBufferSize (one oversized frame is answered by Netty's decoder)
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG))
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
        onSessionLoop(() -> {
            if (!closed) {
                closed = true;
                events.onTransportError(this, description);
            }
        });
    }

    private void deliver(WebSocketFrame frame) {
        if (closed) {
            return;
        }
        ByteBuf content = frame.content();
        if (frame instanceof BinaryWebSocketFrame) {
            events.onPacket(this, PacketType.MESSAGE, content, true);
            return;
        }
        PacketType type = content.isReadable() ? PacketType.fromAsciiDigit(content.getByte(content.readerIndex())) : null;
        if (type != null) {
            // the common case: hand on the frame's own buffer past the type digit, no slice per message
            content.skipBytes(1);
            events.onPacket(this, type, content.isReadable() ? content : null, false);
            return;
        }
        Boolean decoded = PayloadDecoder.decodePacket(content, content.readerIndex(), content.readableBytes(), sink);
        if (decoded == null) {
            events.onParseError(this);
        }
    }

    private boolean onDecodedPacket(PacketType type, ByteBuf data, boolean binary) {
        events.onPacket(this, type, data, binary);
        return true;
    }

    private void onSessionLoop(Runnable task) {
        if (sessionLoop.inEventLoop()) {
            task.run();
        } else {
            try {
                sessionLoop.execute(task);
            } catch (RejectedExecutionException ignored) {
                // the session's loop is shutting down: the session is gone with it
            }
        }
    }
}
