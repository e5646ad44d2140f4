package io.tickwire.net.socketio;

import io.netty.channel.EventLoop;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Next} that acts on its first call only and always continues on the connection's event loop,
 * whichever thread the middleware called it from.
 */
abstract class OnceNext implements Next {
    private final EventLoop loop;
    private final AtomicBoolean called = new AtomicBoolean();

    OnceNext(EventLoop loop) {
        this.loop = loop;
    }

    abstract void onProceed();

    abstract void onFail(ConnectError error);

    @Override
    public final void proceed() {
        if (called.compareAndSet(false, true)) {
            run(this::onProceed);
        }
    }

    @Override
    public final void fail(ConnectError error) {
        if (called.compareAndSet(false, true)) {
            run(() -> onFail(error));
        }
    }

    private void run(Runnable step) {
        if (loop.inEventLoop()) {
            step.run();
        } else {
            loop.execute(step);
        }
    }
}
