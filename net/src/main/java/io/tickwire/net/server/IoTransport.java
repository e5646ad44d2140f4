package io.tickwire.net.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringIoHandlerConfig;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;

import java.util.Locale;

/**
 * The socket I/O implementation of an event loop group: Linux epoll, Linux io_uring (kernel 5.14+, native
 * library), or Java NIO, which works everywhere. {@link #best()} picks epoll when its native library loads.
 */
public enum IoTransport {
    EPOLL,
    /** Submits a loop turn's reads and writes to the kernel in one {@code io_uring_enter} call. */
    IO_URING,
    NIO;

    /** Netty's default io_uring completion queue. */
    private static final int MIN_COMPLETION_QUEUE = 4096;
    /** The kernel's largest io_uring completion queue (twice its largest submission queue, 32,768). */
    private static final int MAX_COMPLETION_QUEUE = 65_536;

    /** Epoll if available on this machine, else NIO. */
    public static IoTransport best() {
        return Epoll.isAvailable() ? EPOLL : NIO;
    }

    /**
     * The transport named {@code name} ({@code epoll}, {@code io_uring}, {@code nio}; any case), or
     * {@link #best()} for {@code auto}.
     *
     * @throws IllegalArgumentException for another name, or one this machine cannot load (with the reason)
     */
    public static IoTransport parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        IoTransport t = switch (n) {
            case "auto" -> best();
            case "epoll" -> EPOLL;
            case "io_uring", "iouring", "uring" -> IO_URING;
            case "nio" -> NIO;
            default -> throw new IllegalArgumentException("unknown I/O transport '" + name + "' (auto, epoll, io_uring, nio)");
        };
        if (!t.isAvailable()) {
            throw new IllegalArgumentException(n + " is not available here: " + t.unavailabilityCause());
        }
        return t;
    }

    /** Whether this transport's native part loads on this machine (NIO always does). */
    public boolean isAvailable() {
        return switch (this) {
            case EPOLL -> Epoll.isAvailable();
            case IO_URING -> IoUring.isAvailable();
            case NIO -> true;
        };
    }

    /** Why {@link #isAvailable()} is false, or null. */
    public Throwable unavailabilityCause() {
        return switch (this) {
            case EPOLL -> Epoll.unavailabilityCause();
            case IO_URING -> IoUring.unavailabilityCause();
            case NIO -> null;
        };
    }

    /** A group of {@code threads} event loops (0 = Netty's default, twice the cores). */
    public EventLoopGroup newGroup(int threads) {
        return newGroup(threads, 0);
    }

    /**
     * A group of {@code threads} event loops (0 = Netty's default, twice the cores) for about
     * {@code connectionsPerLoop} connections each (0: not known, Netty's defaults). Only io_uring is sized by
     * it: its completion queue holds eight completions per connection (a read, a write, a close and the
     * operations the close cancels may all complete in one turn, when every connection closes at once), at
     * least Netty's 4,096 and at most the kernel's 65,536; Netty's 4,096 overflowed with 2,000 connections
     * on one loop.
     */
    public EventLoopGroup newGroup(int threads, int connectionsPerLoop) {
        IoHandlerFactory factory = switch (this) {
            case EPOLL -> EpollIoHandler.newFactory();
            case IO_URING -> connectionsPerLoop <= 0 ? IoUringIoHandler.newFactory()
                    : IoUringIoHandler.newFactory(new IoUringIoHandlerConfig()
                            .setCqSize(completionQueueSize(connectionsPerLoop)));
            case NIO -> NioIoHandler.newFactory();
        };
        return new MultiThreadIoEventLoopGroup(threads, factory);
    }

    private static int completionQueueSize(int connectionsPerLoop) {
        long wanted = 8L * connectionsPerLoop;
        int powerOfTwo = Integer.highestOneBit((int) Math.min(MAX_COMPLETION_QUEUE, wanted - 1)) << 1;
        return Math.min(MAX_COMPLETION_QUEUE, Math.max(MIN_COMPLETION_QUEUE, powerOfTwo));
    }

    /** The listening channel class matching {@link #newGroup}. */
    public Class<? extends ServerChannel> serverChannelClass() {
        return switch (this) {
            case EPOLL -> EpollServerSocketChannel.class;
            case IO_URING -> IoUringServerSocketChannel.class;
            case NIO -> NioServerSocketChannel.class;
        };
    }

    /** The client channel class matching {@link #newGroup}. */
    public Class<? extends SocketChannel> socketChannelClass() {
        return switch (this) {
            case EPOLL -> EpollSocketChannel.class;
            case IO_URING -> IoUringSocketChannel.class;
            case NIO -> NioSocketChannel.class;
        };
    }

    /** The transport whose event loops {@code group} runs (NIO for a group that is not an I/O group). */
    public static IoTransport of(EventLoopGroup group) {
        if (group instanceof IoEventLoopGroup io) {
            if (io.isIoType(EpollIoHandler.class)) {
                return EPOLL;
            }
            if (io.isIoType(IoUringIoHandler.class)) {
                return IO_URING;
            }
        }
        return NIO;
    }
}
