package com.marketpulse.delivery.support;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.marketpulse.alerting.seal.PushKeys;
import com.marketpulse.events.json.EventJson;

import tools.jackson.databind.JsonNode;

/** What a push service checks of {@code Authorization: vapid t=..., k=...} (RFC 8292 §3), with the public key only. */
public final class VapidCheck {

    private static final Pattern HEADER = Pattern.compile("vapid t=([\\w-]+\\.[\\w-]+\\.[\\w-]+), k=([\\w-]+)");

    /** The token's claims. */
    public record Claims(String aud, long exp, String sub, String k) {
    }

    private VapidCheck() {
    }

    /**
     * The claims of a header whose ES256 signature verifies with its own {@code k}, which must equal {@code expectedKey}
     * when given (the key the subscription was made with).
     */
    public static Claims verify(String authorization, String expectedKey) throws Exception {
        Matcher m = HEADER.matcher(authorization == null ? "" : authorization);
        if (!m.matches()) {
            throw new AssertionError("not a VAPID authorization: " + authorization);
        }
        String[] parts = m.group(1).split("\\.");
        String k = m.group(2);
        if (expectedKey != null && !expectedKey.equals(k)) {
            throw new AssertionError("k is not the application server key of the subscription");
        }
        JsonNode header = EventJson.mapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        if (!"ES256".equals(header.get("alg").asString())) {
            throw new AssertionError("alg is not ES256: " + header);
        }
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(PushKeys.fromUncompressed(Base64.getUrlDecoder().decode(k)));
        es256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        if (!es256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
            throw new AssertionError("the signature does not verify with k");
        }
        JsonNode claims = EventJson.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        return new Claims(claims.get("aud").asString(), claims.get("exp").asLong(), claims.get("sub").asString(), k);
    }
}
