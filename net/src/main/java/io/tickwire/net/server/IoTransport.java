package io.tickwire.net.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/** The socket I/O implementation: Linux epoll when its native library loads, Java NIO otherwise. */
public enum IoTransport {
    EPOLL,
    NIO;

    /** Epoll if available on this machine, else NIO. */
    public static IoTransport best() {
        return Epoll.isAvailable() ? EPOLL : NIO;
    }

    /** A group of {@code threads} event loops (0 = Netty's default, twice the cores). */
    public EventLoopGroup newGroup(int threads) {
        IoHandlerFactory factory = this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, factory);
    }

    /** The listening channel class matching {@link #newGroup}. */
    public Class<? extends ServerChannel> serverChannelClass() {
        return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
