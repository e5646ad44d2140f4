package io.tickwire.net.cluster.redis;

/**
 * The types of the messages on the request and response channels, with the numbers
 * {@code @socket.io/redis-adapter} 8.x gives them (its {@code RequestType} enum).
 */
enum RequestType {
    SOCKETS(0),
    ALL_ROOMS(1),
    REMOTE_JOIN(2),
    REMOTE_LEAVE(3),
    REMOTE_DISCONNECT(4),
    REMOTE_FETCH(5),
    SERVER_SIDE_EMIT(6),
    BROADCAST(7),
    BROADCAST_CLIENT_COUNT(8),
    BROADCAST_ACK(9);

    private static final RequestType[] BY_NUMBER = values();

    private final int number;

    RequestType(int number) {
        this.number = number;
    }

    int number() {
        return number;
    }

    /** The type numbered {@code number}, or null for a number this version does not know. */
    static RequestType of(long number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[(int) number] : null;
    }
}
