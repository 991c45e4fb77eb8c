package com.marketpulse.delivery.send;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature a receiver checks: {@code sha256=} and the hex HMAC-SHA256, keyed with the endpoint's secret
 * (its UTF-8 bytes, as shown to the owner), over {@code timestamp + "." + body}. The timestamp (Unix seconds, also
 * in {@code X-MarketPulse-Timestamp}) lets the receiver refuse a replayed request outside its tolerance.
 */
public final class Signature {

    private Signature() {
    }

    public static String of(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
