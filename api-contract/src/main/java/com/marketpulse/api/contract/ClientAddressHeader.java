package com.marketpulse.api.contract;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The header in which the dashboard, calling {@code /api/auth/*} from its own server, forwards the address of the
 * browser it acts for: {@code v1;<address>;<epoch seconds>;<HMAC-SHA256 of "v1;<address>;<epoch seconds>">}, signed
 * with a secret only the dashboard and the API hold ({@code MARKETPULSE_CLIENT_ADDRESS_SECRET}). The API believes the
 * address only when the signature is right and the time is fresh, so nobody else can claim another client's address
 * and a captured header is useless after {@code maxAge}. One wire format, written and read here.
 */
public final class ClientAddressHeader {

    public static final String NAME = "MarketPulse-Client-Address";
    /** A secret shorter than this is refused at start-up. */
    public static final int MIN_SECRET_BYTES = 32;
    private static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";
    /** An IPv6 literal with a zone is the longest sensible address. */
    private static final int MAX_ADDRESS_CHARS = 64;

    private final SecretKeySpec key;

    private ClientAddressHeader(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** @throws IllegalArgumentException when the secret is shorter than {@link #MIN_SECRET_BYTES} */
    public static ClientAddressHeader withSecret(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("MARKETPULSE_CLIENT_ADDRESS_SECRET must be at least " + MIN_SECRET_BYTES
                    + " bytes long (e.g. `openssl rand -base64 48`), the same in the dashboard and the API.");
        }
        return new ClientAddressHeader(bytes);
    }

    /** The header value naming {@code address} at {@code now}. */
    public String sign(String address, Instant now) {
        if (address.isEmpty() || address.length() > MAX_ADDRESS_CHARS || address.indexOf(';') >= 0) {
            throw new IllegalArgumentException("not a client address: " + address);
        }
        String signed = VERSION + ";" + address + ";" + now.getEpochSecond();
        return signed + ";" + mac(signed);
    }

    /**
     * The address the header names, when its signature is right and it was signed within {@code maxAge} of
     * {@code now} (either way, for clocks a little apart); empty for anything else.
     */
    public Optional<String> verify(String header, Instant now, Duration maxAge) {
        if (header.length() > 200) {
            return Optional.empty();
        }
        String[] parts = header.split(";", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[1].isEmpty()
                || parts[1].length() > MAX_ADDRESS_CHARS) {
            return Optional.empty();
        }
        String signed = parts[0] + ";" + parts[1] + ";" + parts[2];
        if (!MessageDigest.isEqual(mac(signed).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        long signedAt;
        try {
            signedAt = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        long age = Math.abs(now.getEpochSecond() - signedAt);
        return age <= maxAge.toSeconds() ? Optional.of(parts[1]) : Optional.empty();
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
