package com.marketpulse.delivery.send;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code delivery.deliveries}, {@code attempts} and {@code channel_health}, plus the channel rows of the API's
 * schema (read only). A delivery is claimed by moving its due time past the claim period, so another instance (or
 * this one after a crash) takes it up again only once the claim has lapsed.
 */
@Repository
class DeliveryQueue {

    /** A claimed delivery. */
    record Due(UUID id, long channelId, int attempts, String payload) {
    }

    /**
     * A channel as the API stores it, with this service's view of its health.
     *
     * @param confirmedAt EMAIL: when its owner confirmed the address, {@code null} while not
     */
    record Target(String type, String target, byte[] sealedSecret, boolean enabled, Instant updatedAt,
                  Instant pausedAt, Instant confirmedAt) {
    }

    private final JdbcClient jdbc;

    DeliveryQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Due> claim(Instant now, Instant claimedUntil, int limit) {
        return jdbc.sql("""
                        UPDATE delivery.deliveries SET next_attempt_at = :until
                        WHERE id IN (SELECT id FROM delivery.deliveries
                                     WHERE state = 'PENDING' AND next_attempt_at <= :now
                                       -- a held one goes out with its digest (or alone once released by it)
                                       AND held_until IS NULL
                                     ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id, channel_id, attempts, payload::text AS payload""")
                .param("until", Timestamp.from(claimedUntil))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getLong("channel_id"),
                        rs.getInt("attempts"), rs.getString("payload")))
                .list();
    }

    Optional<Target> target(long channelId) {
        return jdbc.sql("""
                        SELECT c.type, c.target, c.secret_sealed, c.enabled, c.updated_at, h.paused_at, c.confirmed_at
                        FROM api.alert_channels c LEFT JOIN delivery.channel_health h ON h.channel_id = c.id
                        WHERE c.id = :id""")
                .param("id", channelId)
                .query((rs, n) -> new Target(rs.getString("type"), rs.getString("target"), rs.getBytes("secret_sealed"),
                        rs.getBoolean("enabled"), rs.getTimestamp("updated_at").toInstant(),
                        instant(rs.getTimestamp("paused_at")), instant(rs.getTimestamp("confirmed_at"))))
                .optional();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Logs the attempt and moves the delivery on: sent, due again at {@code retryAt}, or failed for good. */
    @Transactional
    void record(Due due, Attempt attempt, Instant now, Instant retryAt) {
        jdbc.sql("""
                        INSERT INTO delivery.attempts (delivery_id, attempted_at, outcome, http_status, detail)
                        VALUES (:id, :at, :outcome, :status, :detail)""")
                .param("id", due.id())
                .param("at", Timestamp.from(now))
                .param("outcome", attempt.outcome() == Attempt.Outcome.RETRY && retryAt == null ? "FAILED"
                        : attempt.outcome().name())
                .param("status", attempt.httpStatus(), java.sql.Types.INTEGER)
                .param("detail", attempt.detail())
                .update();
        String state = switch (attempt.outcome()) {
            case SENT -> "SENT";
            case RETRY -> retryAt == null ? "FAILED" : "PENDING";
            case FAILED -> "FAILED";
        };
        jdbc.sql("""
                        UPDATE delivery.deliveries SET state = :state, attempts = attempts + 1, last_error = :error,
                            sent_at = CASE WHEN :state = 'SENT' THEN CAST(:now AS timestamptz) END,
                            next_attempt_at = COALESCE(CAST(:retryAt AS timestamptz), next_attempt_at)
                        WHERE id = :id""")
                .param("state", state)
                .param("error", attempt.detail())
                .param("now", Timestamp.from(now))
                .param("retryAt", retryAt == null ? null : Timestamp.from(retryAt), java.sql.Types.TIMESTAMP)
                .param("id", due.id())
                .update();
    }

    /** Ends a delivery without sending (its channel is gone, disabled or paused), logged as an attempt. */
    @Transactional
    void drop(Due due, String why, Instant now) {
        record(due, Attempt.failed(null, why), now, null);
    }

    /** A failed attempt of the channel: counted; the channel is paused at {@code pauseAfter} in a row. */
    boolean failed(long channelId, int pauseAfter, Instant now) {
        Integer failures = jdbc.sql("""
                        INSERT INTO delivery.channel_health (channel_id, consecutive_failures) VALUES (:id, 1)
                        ON CONFLICT (channel_id) DO UPDATE
                            SET consecutive_failures = channel_health.consecutive_failures + 1
                        RETURNING consecutive_failures""")
                .param("id", channelId)
                .query(Integer.class)
                .single();
        if (failures < pauseAfter) {
            return false;
        }
        return jdbc.sql("UPDATE delivery.channel_health SET paused_at = :now WHERE channel_id = :id "
                        + "AND paused_at IS NULL")
                .param("now", Timestamp.from(now))
                .param("id", channelId)
                .update() == 1;
    }

    /** The channel works (or its owner changed it after a pause): no failures, not paused. */
    void healthy(long channelId) {
        jdbc.sql("UPDATE delivery.channel_health SET consecutive_failures = 0, paused_at = NULL WHERE channel_id = :id")
                .param("id", channelId)
                .update();
    }
}
