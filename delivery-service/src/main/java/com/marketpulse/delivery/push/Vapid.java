package com.marketpulse.delivery.push;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

import com.marketpulse.alerting.seal.PushKeys;
import com.marketpulse.events.json.EventJson;

import tools.jackson.databind.node.ObjectNode;

/**
 * VAPID (RFC 8292): identifies this application server to a push service, which delivers only to subscriptions made
 * with our public key. Each request carries {@code Authorization: vapid t=<JWT>, k=<public key>}, the JWT signed
 * ES256 with the private key, its audience the endpoint's origin, expiring within 24 hours, its subject a contact.
 *
 * @param validity how long a token is good for; at most 24 hours (RFC 8292 §2)
 */
public record Vapid(ECPrivateKey privateKey, ECPublicKey publicKey, String subject, Duration validity) {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    public Vapid {
        if (validity.compareTo(Duration.ofHours(24)) > 0 || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("a VAPID token expires within 24 hours, not " + validity);
        }
        if (!subject.startsWith("mailto:") && !subject.startsWith("https:")) {
            throw new IllegalArgumentException("the VAPID subject is a mailto: or https: contact, not " + subject);
        }
    }

    /** The {@code Authorization} header value for a request to {@code endpoint} at {@code now}. */
    public String authorization(URI endpoint, Instant now) {
        return "vapid t=" + token(endpoint, now) + ", k=" + PushKeys.base64Url(publicKey);
    }

    String token(URI endpoint, Instant now) {
        ObjectNode header = EventJson.mapper().createObjectNode().put("typ", "JWT").put("alg", "ES256");
        ObjectNode claims = EventJson.mapper().createObjectNode()
                .put("aud", origin(endpoint))
                .put("exp", now.plus(validity).getEpochSecond())
                .put("sub", subject);
        String signed = part(header) + "." + part(claims);
        try {
            // JWS wants R || S (64 bytes), not the DER sequence the JDK's plain SHA256withECDSA gives
            Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
            es256.initSign(privateKey);
            es256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + BASE64URL.encodeToString(es256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the VAPID token", e);
        }
    }

    /** Whether the public key verifies what the private key signs. */
    public boolean pairs() {
        try {
            byte[] probe = "vapid".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** scheme://host[:port], the port only when not the scheme's default (RFC 6454's serialisation). */
    static String origin(URI endpoint) {
        String scheme = endpoint.getScheme().toLowerCase(Locale.ROOT);
        int port = endpoint.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http")
                && port == 80);
        return scheme + "://" + endpoint.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static String part(ObjectNode json) {
        return BASE64URL.encodeToString(EventJson.mapper().writeValueAsBytes(json));
    }
}
