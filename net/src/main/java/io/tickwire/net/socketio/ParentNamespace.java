package io.tickwire.net.socketio;

import io.tickwire.net.socketio.adapter.Adapter;
import io.tickwire.net.socketio.parser.MapValue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

/**
 * A family of namespaces created on demand (socket.io's {@code ParentNamespace}): a client connecting to a
 * name that {@link #matches} gets a child namespace of that name, which inherits the middlewares and
 * connection listeners this parent has at that moment. Emitting on the parent broadcasts to every child.
 *
 * <p>Threading: any thread.
 */
public final class ParentNamespace extends Namespace {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final BiPredicate<String, MapValue> matcher;
    private final List<Namespace> children = new CopyOnWriteArrayList<>();

    ParentNamespace(SocketIoServer server, BiPredicate<String, MapValue> matcher) {
        super(server, "/_" + COUNT.getAndIncrement());
        this.matcher = matcher;
    }

    @Override
    Adapter newAdapter(SocketIoServer server) {
        return new ParentBroadcastAdapter(this);
    }

    /** Whether a client asking for namespace {@code name} with {@code auth} gets a child of this parent. */
    public boolean matches(String name, MapValue auth) {
        return matcher.test(name, auth);
    }

    /** The child namespaces created so far. */
    public List<Namespace> children() {
        return List.copyOf(children);
    }

    List<Namespace> liveChildren() {
        return children;
    }

    Namespace createChild(String name) {
        Namespace child = new Namespace(server(), name);
        for (ConnectionMiddleware m : middlewares()) {
            child.use(m);
        }
        for (var l : connectionListeners()) {
            child.onConnection(l);
        }
        children.add(child);
        return child;
    }

}
