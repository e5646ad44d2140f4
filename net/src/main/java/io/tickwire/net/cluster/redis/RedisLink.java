package io.tickwire.net.cluster.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One node's connections to Redis, shared by its adapters, emitter and match directory: a connection for
 * commands and publishing, and one in subscriber mode whose messages are dispatched to the listeners of
 * each channel or pattern.
 *
 * <p>While Redis is unreachable, commands fail at once (nothing is queued to be replayed later, so a stale
 * broadcast never arrives after reconnection) and Lettuce keeps reconnecting in the background; once back,
 * it subscribes again to every channel and pattern. Listeners run on Lettuce's I/O thread and must not
 * block. Thread-safe. The Redis server must be reachable when {@link #connect} is called.
 */
public final class RedisLink implements AutoCloseable {
    /** Receives one Pub/Sub message: the channel it was published to and its bytes (not to be modified). */
    @FunctionalInterface
    public interface MessageListener {
        void onMessage(String channel, byte[] message);
    }

    /** Reconnection attempts back off from 50 ms to at most this, so a node is back within seconds. */
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);

    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> publisher;
    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisPubSubConnection<byte[], byte[]> subscriber;
    private final Map<String, List<MessageListener>> channelListeners = new ConcurrentHashMap<>();
    private final Map<String, List<MessageListener>> patternListeners = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private RedisLink(ClientResources resources, RedisClient client) {
        this.resources = resources;
        this.client = client;
        this.publisher = client.connect(ByteArrayCodec.INSTANCE);
        this.commands = client.connect(StringCodec.UTF8);
        this.subscriber = client.connectPubSub(ByteArrayCodec.INSTANCE);
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(byte[] channel, byte[] message) {
                dispatch(channelListeners, utf8(channel), utf8(channel), message);
            }

            @Override
            public void message(byte[] pattern, byte[] channel, byte[] message) {
                dispatch(patternListeners, utf8(pattern), utf8(channel), message);
            }
        });
    }

    /**
     * Connects to the Redis server at {@code uri} (e.g. {@code redis://127.0.0.1:6379}); blocks until both
     * connections are open.
     *
     * @throws io.lettuce.core.RedisConnectionException when Redis cannot be reached
     */
    public static RedisLink connect(String uri) {
        ClientResources resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), MAX_RECONNECT_DELAY, 2,
                        java.util.concurrent.TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, RedisURI.create(uri));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        try {
            return new RedisLink(resources, client);
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            resources.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
            throw e;
        }
    }

    /** Publishes {@code message}; completes with how many subscribers got it, or fails while Redis is away. */
    public CompletableFuture<Long> publish(String channel, byte[] message) {
        return publisher.async().publish(bytes(channel), message).toCompletableFuture();
    }

    /** How many subscribers {@code channel} has ({@code PUBSUB NUMSUB}). */
    public CompletableFuture<Long> subscriberCount(String channel) {
        return publisher.async().pubsubNumsub(bytes(channel)).toCompletableFuture().thenApply(counts -> {
            long total = 0;
            for (Long count : counts.values()) {
                total += count;
            }
            return total;
        });
    }

    /** Adds {@code listener} to {@code channel}, subscribing on first use; completes once subscribed. */
    public CompletableFuture<Void> subscribe(String channel, MessageListener listener) {
        channelListeners.computeIfAbsent(channel, k -> new CopyOnWriteArrayList<>()).add(listener);
        return subscriber.async().subscribe(bytes(channel)).toCompletableFuture();
    }

    /** Adds {@code listener} to the glob {@code pattern}, subscribing on first use; completes once subscribed. */
    public CompletableFuture<Void> psubscribe(String pattern, MessageListener listener) {
        patternListeners.computeIfAbsent(pattern, k -> new CopyOnWriteArrayList<>()).add(listener);
        return subscriber.async().psubscribe(bytes(pattern)).toCompletableFuture();
    }

    /** Removes {@code listener}; unsubscribes the channel when it was the last one. */
    public void unsubscribe(String channel, MessageListener listener) {
        if (removeListener(channelListeners, channel, listener) && !closed) {
            subscriber.async().unsubscribe(bytes(channel));
        }
    }

    /** Removes {@code listener}; unsubscribes the pattern when it was the last one. */
    public void punsubscribe(String pattern, MessageListener listener) {
        if (removeListener(patternListeners, pattern, listener) && !closed) {
            subscriber.async().punsubscribe(bytes(pattern));
        }
    }

    /** Commands with string keys and values, for data kept in Redis (the match directory). */
    public RedisAsyncCommands<String, String> commands() {
        return commands.async();
    }

    /** Closes the connections; waits up to two seconds for Lettuce's threads to stop. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        subscriber.close();
        publisher.close();
        commands.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Whether both connections are currently open (false while Redis is away). */
    public boolean isConnected() {
        return publisher.isOpen() && subscriber.isOpen();
    }

    private static boolean removeListener(Map<String, List<MessageListener>> listeners, String key,
                                          MessageListener listener) {
        boolean[] last = {false};
        listeners.computeIfPresent(key, (k, list) -> {
            list.remove(listener);
            last[0] = list.isEmpty();
            return last[0] ? null : list;
        });
        return last[0];
    }

    private static void dispatch(Map<String, List<MessageListener>> listeners, String key, String channel,
                                 byte[] message) {
        List<MessageListener> list = listeners.get(key);
        if (list != null) {
            for (MessageListener l : list) {
                l.onMessage(channel, message);
            }
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
