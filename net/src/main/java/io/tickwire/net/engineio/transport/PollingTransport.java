package io.tickwire.net.engineio.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.tickwire.net.engineio.EngineIoOptions;
import io.tickwire.net.engineio.PacketType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * HTTP long-polling ("Transports", HTTP long-polling): a pending {@code GET} is answered with every
 * buffered packet once there is one; each {@code POST} carries a payload of client packets and is
 * answered {@code ok}. A second GET while one is pending is an error (the first gets a close packet,
 * the second 400), and so is a pending GET whose connection goes away.
 *
 * <p>Requests may arrive on any connection (and so any loop); the session hands them to this transport
 * on its own loop. Responses are written to the request's channel from the session loop.
 */
public final class PollingTransport implements Transport {
    private static final ByteBuf OK = Unpooled.unreleasableBuffer(
            Unpooled.wrappedBuffer("ok".getBytes(StandardCharsets.US_ASCII)).asReadOnly());
    /** Above this many buffered bytes the session reports back-pressure (Netty's default high water mark). */
    static final int BACKPRESSURE_BYTES = 64 * 1024;

    private final TransportEvents events;
    private final EventLoop sessionLoop;
    private Channel pollChannel;
    private HttpHeaders pollExtraHeaders;
    private boolean pollKeepAlive;
    private ChannelFutureListener pollAbortListener;
    private volatile int bufferedBytes;
    private boolean closed;

    /** A transport for a session living on {@code sessionLoop}. */
    public PollingTransport(TransportEvents events, EventLoop sessionLoop) {
        this.events = events;
        this.sessionLoop = sessionLoop;
    }

    @Override
    public EventLoop sessionLoop() {
        return sessionLoop;
    }

    @Override
    public String name() {
        return EngineIoOptions.POLLING;
    }

    /** Whether a GET is waiting for packets. */
    public boolean isWritable() {
        return pollChannel != null && !closed;
    }

    @Override
    public boolean isBackpressured() {
        return bufferedBytes > BACKPRESSURE_BYTES;
    }

    @Override
    public long queuedBytes() {
        return bufferedBytes;
    }

    /** Records how many payload bytes the session buffers for this transport (for {@link #isBackpressured()}). */
    public void bufferedBytes(int bytes) {
        bufferedBytes = bytes;
    }

    /**
     * A GET of this session. Takes ownership of {@code request}.
     *
     * @param extraHeaders headers every response to it carries (CORS), or {@code null}
     */
    public void onPollRequest(Channel channel, FullHttpRequest request, HttpHeaders extraHeaders) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        request.release();
        if (closed) {
            HttpReplies.sendEmpty(channel, HttpResponseStatus.BAD_REQUEST, extraHeaders, keepAlive);
            return;
        }
        if (pollChannel != null) {
            HttpReplies.sendEmpty(channel, HttpResponseStatus.BAD_REQUEST, extraHeaders, keepAlive);
            events.onTransportError(this, "overlap from client");
            return;
        }
        pollChannel = channel;
        pollExtraHeaders = extraHeaders;
        pollKeepAlive = keepAlive;
        pollAbortListener = future -> onPollChannelClosed(future.channel());
        channel.closeFuture().addListener(pollAbortListener);
        events.onWritable(this);
    }

    /**
     * A POST of this session. Takes ownership of {@code request}. Packets are reported in order; a close
     * packet ends the transport; a malformed payload (or one that is not UTF-8) is answered 400.
     */
    public void onDataRequest(Channel channel, FullHttpRequest request, HttpHeaders extraHeaders) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        try {
            if (closed) {
                HttpReplies.sendEmpty(channel, HttpResponseStatus.BAD_REQUEST, extraHeaders, keepAlive);
                return;
            }
            String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
            if (contentType != null && contentType.startsWith("application/octet-stream")) {
                HttpReplies.sendEmpty(channel, HttpResponseStatus.BAD_REQUEST, extraHeaders, keepAlive);
                events.onTransportError(this, "invalid content");
                return;
            }
            // a payload is UTF-8 text ("Packet encoding"); one that is not is refused whole, nothing delivered
            boolean wellFormed = ByteBufUtil.isText(request.content(), StandardCharsets.UTF_8)
                    && PayloadDecoder.decodePayload(request.content(), (type, data, binary) -> {
                if (type == PacketType.CLOSE) {
                    onClientClose();
                    return false;
                }
                events.onPacket(this, type, data, binary);
                return !closed;
            });
            if (!wellFormed) {
                HttpReplies.sendEmpty(channel, HttpResponseStatus.BAD_REQUEST, extraHeaders, keepAlive);
                events.onParseError(this);
                return;
            }
            HttpReplies.send(channel, HttpResponseStatus.OK, "text/html", OK.duplicate(), extraHeaders, keepAlive);
        } finally {
            request.release();
        }
    }

    /**
     * Answers the pending GET with every packet of {@code packets}, draining it. Requires
     * {@link #isWritable()}.
     */
    public void send(Queue<OutboundPacket> packets) {
        ByteBuf payload = PayloadEncoder.encode(pollChannel.alloc(), packets);
        bufferedBytes = 0;
        answerPoll(payload);
    }

    /** Answers the pending GET, if any, with a noop packet (upgrade in progress, or transport discarded). */
    public void sendNoop() {
        if (isWritable()) {
            answerPoll(Unpooled.wrappedBuffer(new byte[] {PacketType.NOOP.asciiDigit()}));
        }
    }

    /**
     * Answers the pending GET, if any, with an error instead of packets.
     *
     * @param body takes ownership
     */
    public void refusePoll(HttpResponseStatus status, ByteBuf body) {
        if (!isWritable()) {
            body.release();
            return;
        }
        Channel channel = pollChannel;
        channel.closeFuture().removeListener(pollAbortListener);
        pollChannel = null;
        pollAbortListener = null;
        HttpHeaders extra = pollExtraHeaders;
        pollExtraHeaders = null;
        HttpReplies.send(channel, status, "application/json", body, extra, pollKeepAlive);
    }

    @Override
    public void close(boolean sendClosePacket) {
        if (closed) {
            return;
        }
        if (pollChannel != null) {
            ByteBuf last = Unpooled.wrappedBuffer(new byte[] {
                    (sendClosePacket ? PacketType.CLOSE : PacketType.NOOP).asciiDigit()});
            answerPoll(last);
        }
        closed = true;
    }

    private void onClientClose() {
        sendNoop();
        closed = true;
        events.onTransportClose(this);
    }

    private void answerPoll(ByteBuf payload) {
        Channel channel = pollChannel;
        channel.closeFuture().removeListener(pollAbortListener);
        pollChannel = null;
        pollAbortListener = null;
        HttpHeaders extra = pollExtraHeaders;
        pollExtraHeaders = null;
        HttpReplies.send(channel, HttpResponseStatus.OK, HttpReplies.TEXT_UTF8, payload, extra, pollKeepAlive);
    }

    private void onPollChannelClosed(Channel channel) {
        if (sessionLoop.inEventLoop()) {
            pollAborted(channel);
        } else {
            sessionLoop.execute(() -> pollAborted(channel));
        }
    }

    private void pollAborted(Channel channel) {
        if (pollChannel == channel && !closed) {
            pollChannel = null;
            pollAbortListener = null;
            pollExtraHeaders = null;
            events.onTransportError(this, "poll connection closed prematurely");
        }
    }
}
