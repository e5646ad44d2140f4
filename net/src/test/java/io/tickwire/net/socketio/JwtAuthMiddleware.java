package io.tickwire.net.socketio;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tickwire.net.socketio.parser.Value;

import java.text.ParseException;
import java.util.Date;
import java.util.function.LongSupplier;

/**
 * The example of SECURITY.md: a connection middleware that admits a socket only with a valid HS256 JWT in
 * {@code auth.token} (the client's {@code auth} option, sent in its CONNECT packet, never in the URL), and
 * keeps the verified subject in {@code socket.data().get("userId")}. Refusals reach the client as a
 * CONNECT_ERROR whose message says what was wrong, never why a signature failed. Verification is CPU only
 * and short, so it runs on the event loop; a check that needs I/O (a revocation list) must finish
 * asynchronously with {@link Next}.
 */
final class JwtAuthMiddleware implements ConnectionMiddleware {
    private final MACVerifier verifier;
    private final String issuer;
    private final LongSupplier clockMillis;

    /**
     * @param secret      the shared HMAC key, at least 32 bytes
     * @param issuer      the only {@code iss} accepted
     * @param clockMillis the current time, injected for tests
     */
    JwtAuthMiddleware(byte[] secret, String issuer, LongSupplier clockMillis) throws JOSEException {
        this.verifier = new MACVerifier(secret);
        this.issuer = issuer;
        this.clockMillis = clockMillis;
    }

    @Override
    public void handle(Socket socket, Next next) {
        Value token = socket.handshake().auth().get("token");
        if (token == null || !token.isString()) {
            next.fail(new ConnectError("missing token"));
            return;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token.asString());
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                next.fail(new ConnectError("invalid token"));
                return;
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            if (expires == null || expires.getTime() <= clockMillis.getAsLong()) {
                next.fail(new ConnectError("token expired"));
                return;
            }
            if (!issuer.equals(claims.getIssuer()) || claims.getSubject() == null) {
                next.fail(new ConnectError("invalid token"));
                return;
            }
            socket.data().put("userId", claims.getSubject());
            next.proceed();
        } catch (ParseException | JOSEException e) {
            next.fail(new ConnectError("invalid token"));
        }
    }
}
