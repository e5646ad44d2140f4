package io.tickwire.benchmarks.match;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;

/**
 * An outbound handler placed first in a server connection's pipeline (next to Netty's head, which hands
 * writes to the channel's outbound buffer and flushes to the socket): it releases every message and ignores
 * flushes, so a fan-out measured with it costs only the server's user-space work up to the transport, without
 * the channel's outbound-buffer bookkeeping and the {@code write(2)}/{@code writev(2)} system calls.
 *
 * <p>One instance per channel, used on that channel's event loop only.
 */
final class DiscardingTransport extends ChannelOutboundHandlerAdapter {
    private long messages;

    /** Puts a discarding handler at the head of {@code channel}'s pipeline. Any thread. */
    static void install(Channel channel) {
        channel.pipeline().addFirst("discarding-transport", new DiscardingTransport());
    }

    /** The messages discarded so far on {@code channel}; 0 without a discarding handler. Racy read. */
    static long discarded(Channel channel) {
        ChannelHandler h = channel.pipeline().get("discarding-transport");
        return h instanceof DiscardingTransport d ? d.messages : 0;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        messages++;
        ReferenceCountUtil.release(msg);
        promise.trySuccess();
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        // nothing reaches the socket
    }
}
