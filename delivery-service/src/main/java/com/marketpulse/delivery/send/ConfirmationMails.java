package com.marketpulse.delivery.send;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.marketpulse.delivery.DeliveryProperties;

/**
 * Mails the confirmation link of every email channel awaiting one: the API stores the token's hash and the token
 * sealed for this service; each (channel, hash) is queued once in {@code delivery.email_confirmations} and sent with
 * the deliveries' claim and back-off, so several instances and a restart send it once (at least once if this one dies
 * between sending and recording). A link followed, replaced by a newer one or expired before it is sent is dropped.
 */
final class ConfirmationMails {

    private static final Logger log = LoggerFactory.getLogger(ConfirmationMails.class);

    private record Due(long channelId, byte[] hash, int attempts) {
    }

    private record Pending(String address, byte[] sealedToken, byte[] hash, Instant expiresAt) {
    }

    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final ChannelSecrets secrets;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    ConfirmationMails(JdbcClient jdbc, Mailer mailer, ChannelSecrets secrets, DeliveryProperties properties,
                      Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.secrets = secrets;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    void run() {
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO delivery.email_confirmations (channel_id, token_hash, next_attempt_at)
                        SELECT c.id, c.confirm_token_hash, :now FROM api.alert_channels c
                        WHERE c.confirm_token_hash IS NOT NULL AND c.type = 'EMAIL' AND c.confirm_expires_at > :now
                          AND NOT EXISTS (SELECT 1 FROM delivery.email_confirmations e
                                          WHERE e.channel_id = c.id AND e.token_hash = c.confirm_token_hash)
                        ON CONFLICT DO NOTHING""")
                .param("now", Timestamp.from(now))
                .update();
        List<Due> due = jdbc.sql("""
                        UPDATE delivery.email_confirmations SET next_attempt_at = :until
                        WHERE (channel_id, token_hash) IN (
                            SELECT channel_id, token_hash FROM delivery.email_confirmations
                            WHERE state = 'PENDING' AND next_attempt_at <= :now
                            ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING channel_id, token_hash, attempts""")
                .param("until", Timestamp.from(now.plus(properties.claim())))
                .param("now", Timestamp.from(now))
                .param("limit", properties.batchSize())
                .query((rs, n) -> new Due(rs.getLong("channel_id"), rs.getBytes("token_hash"), rs.getInt("attempts")))
                .list();
        due.forEach(this::send);
    }

    private void send(Due due) {
        try {
            Instant now = clock.instant();
            Pending pending = pending(due.channelId()).orElse(null);
            if (pending == null || !Arrays.equals(pending.hash(), due.hash())) {
                finish(due, "DROPPED", "the link was followed or replaced by a newer one, or the channel removed");
                return;
            }
            if (!pending.expiresAt().isAfter(now)) {
                finish(due, "DROPPED", "the link expired before it could be sent");
                return;
            }
            String token = secrets.open(pending.sealedToken());
            if (token == null || !Arrays.equals(sha256(token), due.hash())) {
                finish(due, "FAILED", "the link's token cannot be opened (sealed for another key)");
                return;
            }
            Attempt attempt = mailer.send(mail(pending.address(), token, due));
            meters.counter("marketpulse.delivery.email.confirmations", "outcome",
                    attempt.outcome().name().toLowerCase(java.util.Locale.ROOT)).increment();
            record(due, attempt);
        } catch (RuntimeException e) {
            // the claim lapses and it is tried again; nothing is lost
            log.warn("The confirmation mail of channel {} could not be processed now ({}); tried again after its claim "
                    + "lapses", due.channelId(), e.toString());
        }
    }

    /** Sent; due again after the back-off (a 4xx, a connection failure, a timeout); or failed for good. */
    private void record(Due due, Attempt attempt) {
        if (attempt.outcome() == Attempt.Outcome.SENT) {
            finish(due, "SENT", null);
            return;
        }
        int failures = due.attempts() + 1;
        if (attempt.outcome() == Attempt.Outcome.RETRY && failures < properties.retry().maxAttempts()) {
            jdbc.sql("""
                            UPDATE delivery.email_confirmations SET attempts = attempts + 1, last_error = :error,
                                next_attempt_at = :next
                            WHERE channel_id = :channel AND token_hash = :hash""")
                    .param("error", attempt.detail())
                    .param("next", Timestamp.from(clock.instant().plus(properties.retry().after(failures))))
                    .param("channel", due.channelId())
                    .param("hash", due.hash())
                    .update();
            return;
        }
        finish(due, "FAILED", attempt.detail());
        log.warn("The confirmation mail of channel {} could not be sent: {}", due.channelId(), attempt.detail());
    }

    private Mailer.Mail mail(String address, String token, Due due) {
        String link = properties.email().publicUrl().replaceAll("/+$", "") + "/api/me/channels/confirm?token=" + token;
        String text = """
                Someone (we hope you) added %s as a MarketPulse alert channel.

                Open this link to confirm it; until then no alert is sent here:
                %s

                The link works once and expires. If it was not you, ignore this mail: nothing is sent without it.
                """.formatted(address, link);
        String html = """
                <html><body style="font-family:sans-serif">
                <p>Someone (we hope you) added <b>%s</b> as a MarketPulse alert channel.</p>
                <p><a href="%s">Confirm this address</a>; until then no alert is sent here.</p>
                <p style="color:#666;font-size:small">The link works once and expires. If it was not you, ignore this
                mail: nothing is sent without it.</p>
                </body></html>
                """.formatted(AlertMail.esc(address), AlertMail.esc(link));
        String id = "confirm-" + due.channelId() + "-" + HexFormat.of().formatHex(due.hash(), 0, 8);
        return new Mailer.Mail(address, "Confirm your email for MarketPulse alerts", text, html,
                mailer.messageId(id));
    }

    private Optional<Pending> pending(long channelId) {
        return jdbc.sql("""
                        SELECT target, secret_sealed, confirm_token_hash, confirm_expires_at FROM api.alert_channels
                        WHERE id = :id AND type = 'EMAIL' AND confirmed_at IS NULL
                          AND confirm_token_hash IS NOT NULL""")
                .param("id", channelId)
                .query((rs, n) -> new Pending(rs.getString("target"), rs.getBytes("secret_sealed"),
                        rs.getBytes("confirm_token_hash"), rs.getTimestamp("confirm_expires_at").toInstant()))
                .optional();
    }

    private void finish(Due due, String state, String error) {
        jdbc.sql("""
                        UPDATE delivery.email_confirmations SET state = :state, last_error = :error,
                            attempts = attempts + CASE WHEN :state IN ('SENT', 'FAILED') THEN 1 ELSE 0 END,
                            sent_at = CASE WHEN :state = 'SENT' THEN now() END
                        WHERE channel_id = :channel AND token_hash = :hash""")
                .param("state", state)
                .param("error", error)
                .param("channel", due.channelId())
                .param("hash", due.hash())
                .update();
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
