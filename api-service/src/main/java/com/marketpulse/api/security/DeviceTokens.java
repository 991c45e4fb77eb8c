package com.marketpulse.api.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import com.marketpulse.api.MarketPulseProperties;

/**
 * Device tokens (OWASP's "device cookies"): a successful sign-in hands the client a token naming the account and a
 * random device id, signed with a key derived from the token signing key; presented at a later sign-in of the same
 * account, it marks the client as a known device, which the throttle counts apart from everyone else. Stateless:
 * {@code d1.<user id>.<device id>.<expiry, epoch seconds>.<HMAC-SHA256>}.
 */
@Component
public class DeviceTokens {

    private static final String VERSION = "d1";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    DeviceTokens(SecretKey tokenKey, MarketPulseProperties properties, Clock clock) {
        // a key of its own, so a device token can never pass for a bearer token nor the other way round
        this.key = new SecretKeySpec(hmac(tokenKey.getEncoded(), "marketpulse device tokens v1"), "HmacSHA256");
        this.ttl = properties.api().throttle().deviceTtl();
        this.clock = clock;
    }

    /** A token for the account's device: the one {@code knownDevice} names, else a new one. */
    public String issue(long userId, Optional<String> knownDevice) {
        String device = knownDevice.orElseGet(() -> {
            byte[] id = new byte[16];
            random.nextBytes(id);
            return BASE64.encodeToString(id);
        });
        String signed = VERSION + "." + userId + "." + device + "." + clock.instant().plus(ttl).getEpochSecond();
        return signed + "." + BASE64.encodeToString(hmac(key.getEncoded(), signed));
    }

    /** The device id, when {@code token} is a valid, unexpired device token of this account; else empty. */
    public Optional<String> deviceOf(String token, long userId) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 5 || !VERSION.equals(parts[0]) || !Long.toString(userId).equals(parts[1])) {
            return Optional.empty();
        }
        String signed = String.join(".", parts[0], parts[1], parts[2], parts[3]);
        byte[] expected = BASE64.encodeToString(hmac(key.getEncoded(), signed)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[4].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            return Long.parseLong(parts[3]) > clock.instant().getEpochSecond() ? Optional.of(parts[2]) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
