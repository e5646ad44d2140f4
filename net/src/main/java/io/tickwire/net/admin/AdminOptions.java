package io.tickwire.net.admin;

import java.util.Objects;

/**
 * How the admin UI's instrumentation behaves (the options of {@code instrument(io, options)}).
 *
 * @param namespace    the admin namespace; default {@code /admin}
 * @param username     the user name of basic authentication; null with {@code passwordHash} for no authentication
 * @param passwordHash a bcrypt hash ({@code $2a$}, {@code $2b$}, {@code $2y$}) of the password; null for no authentication
 * @param readOnly     the UI may look but not act (no emit, join, leave, disconnect)
 * @param development  development mode: every socket, room and event change is sent to the UI
 * @param serverId     how this server is named in the UI
 */
public record AdminOptions(String namespace, String username, String passwordHash, boolean readOnly,
                           boolean development, String serverId) {

    /** @throws IllegalArgumentException if only one of user name and hash is given, or the hash is not bcrypt */
    public AdminOptions {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(serverId, "serverId");
        if ((username == null) != (passwordHash == null)) {
            throw new IllegalArgumentException("admin: give both a user name and a password hash, or neither");
        }
        if (passwordHash != null && !passwordHash.matches("\\$2[abyx]?\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
            throw new IllegalArgumentException("admin.password-hash: not a bcrypt hash");
        }
    }

    /** Basic authentication with {@code username} and the bcrypt {@code passwordHash}; development mode. */
    public static AdminOptions basicAuth(String username, String passwordHash) {
        return new AdminOptions("/admin", username, passwordHash, false, true, hostname());
    }

    /** No authentication: anyone who reaches the server may administer it. Development mode. */
    public static AdminOptions noAuth() {
        return new AdminOptions("/admin", null, null, false, true, hostname());
    }

    public boolean authenticates() {
        return passwordHash != null;
    }

    public AdminOptions withReadOnly(boolean readOnly) {
        return new AdminOptions(namespace, username, passwordHash, readOnly, development, serverId);
    }

    public AdminOptions withDevelopment(boolean development) {
        return new AdminOptions(namespace, username, passwordHash, readOnly, development, serverId);
    }

    static String hostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "tickwire";
        }
    }
}
