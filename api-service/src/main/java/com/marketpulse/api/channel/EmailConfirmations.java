package com.marketpulse.api.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.contract.EmailConfirmed;
import com.marketpulse.api.web.ApiException;

/**
 * The link that confirms an email channel's address. A new address gets a one-time token: its SHA-256 is stored
 * (whoever reads the table cannot confirm an address with it) and the token itself is sealed for delivery-service,
 * which mails the link. Following the link confirms the address and forgets the token; a new address starts over.
 */
@Component
class EmailConfirmations {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 32 random bytes, base64url: 43 characters. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    static final Duration RESEND_AFTER = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final SecretSealer sealer;
    private final Duration validity;

    EmailConfirmations(JdbcClient jdbc, SecretSealer sealer, MarketPulseProperties properties) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.validity = properties.api().delivery().emailConfirmationValidity();
    }

    /** A fresh token, sealed for delivery-service; sealing first, so no channel is stored that cannot be confirmed. */
    Pending issue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Pending(hash(token), sealer.seal(token), Instant.now().plus(validity));
    }

    /** The channel's address awaits {@code pending}'s link: unconfirmed until it is followed. */
    void await(long channelId, Pending pending) {
        jdbc.sql("""
                        UPDATE api.alert_channels SET confirmed_at = NULL, confirm_token_hash = :hash,
                            confirm_expires_at = :expires, secret_sealed = :sealed
                        WHERE id = :id AND type = 'EMAIL'""")
                .param("hash", pending.hash())
                .param("expires", Timestamp.from(pending.expiresAt()))
                .param("sealed", pending.sealedToken())
                .param("id", channelId)
                .update();
    }

    /**
     * Saving an unconfirmed address again mails a fresh link, at most once per {@link #RESEND_AFTER}: the mails go to
     * an address nobody has confirmed yet, so the API must not be a way to flood someone else's mailbox.
     */
    void checkResend(long channelId) {
        Boolean recent = jdbc.sql("""
                        SELECT confirm_expires_at - CAST(:validity AS interval) > now() - CAST(:wait AS interval)
                        FROM api.alert_channels WHERE id = :id AND confirm_expires_at IS NOT NULL""")
                .param("validity", validity.toSeconds() + " seconds")
                .param("wait", RESEND_AFTER.toSeconds() + " seconds")
                .param("id", channelId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
        if (recent) {
            throw ApiException.tooManyRequests("A confirmation link was mailed to this address less than "
                    + RESEND_AFTER.toMinutes() + " minutes ago: follow that one, or try again later.", RESEND_AFTER);
        }
    }

    /** Follows a link: confirms its address, once; an expired, used or unknown token is a problem saying which. */
    EmailConfirmed confirm(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw unknown();
        }
        byte[] hash = hash(token);
        return jdbc.sql("""
                        UPDATE api.alert_channels SET confirmed_at = now(), confirm_token_hash = NULL,
                            confirm_expires_at = NULL, secret_sealed = NULL
                        WHERE type = 'EMAIL' AND confirm_token_hash = :hash AND confirm_expires_at > now()
                        RETURNING id, target, confirmed_at""")
                .param("hash", hash)
                .query((rs, n) -> new EmailConfirmed(rs.getLong("id"), rs.getString("target"),
                        rs.getTimestamp("confirmed_at").toInstant()))
                .optional()
                .orElseThrow(() -> expiredOrUnknown(hash));
    }

    private ApiException expiredOrUnknown(byte[] hash) {
        boolean expired = jdbc.sql("SELECT count(*) FROM api.alert_channels WHERE confirm_token_hash = :hash")
                .param("hash", hash).query(Integer.class).single() > 0;
        if (expired) {
            return ApiException.refused(HttpStatus.GONE, "email-confirmation-expired", "This confirmation link has "
                    + "expired. Save the channel's address again under Notifications to get a new link.", null);
        }
        return unknown();
    }

    private static ApiException unknown() {
        return ApiException.refused(HttpStatus.NOT_FOUND, "email-confirmation-unknown", "This confirmation link is "
                + "unknown or was used already (the address may have changed since it was sent).", null);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token awaiting its link: only its hash and its sealed form are kept. */
    record Pending(byte[] hash, byte[] sealedToken, Instant expiresAt) {
    }
}
