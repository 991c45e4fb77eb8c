package com.marketpulse.delivery.digest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every poll: each channel whose held deliveries have reached the end of their quiet hours gets its digest. Two or
 * more held deliveries become one digest delivery, due now, and are marked carried by it (state {@code DIGESTED}), in
 * one transaction under their row locks: a held delivery goes out in exactly one digest, never also alone, and a
 * restart or a second instance finds nothing left to form. A delivery held alone is released to go out as the normal
 * single-alert message (marked {@code heldUntil}). From then on the dispatcher sends the digest like any delivery:
 * claimed, retried with back-off, logged, its channel paused when it keeps failing.
 */
@Service
class DigestFormer {

    private static final Logger log = LoggerFactory.getLogger(DigestFormer.class);
    /** Channels whose digests are formed per poll; the rest wait for the next poll. */
    static final int BATCH = 50;

    private record Group(long channelId, Timestamp heldUntil) {
    }

    private record Held(UUID id, long userId, int severity, String payload) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    DigestFormer(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    void run() {
        Instant now = clock.instant();
        List<Group> due;
        try {
            due = jdbc.sql("""
                            SELECT DISTINCT channel_id, held_until FROM delivery.deliveries
                            WHERE held_until IS NOT NULL AND held_until <= :now AND state = 'PENDING'
                            ORDER BY held_until, channel_id LIMIT :limit""")
                    .param("now", Timestamp.from(now))
                    .param("limit", BATCH)
                    .query((rs, n) -> new Group(rs.getLong("channel_id"), rs.getTimestamp("held_until")))
                    .list();
        } catch (RuntimeException e) {
            // the database is away: the held deliveries wait for the next poll, nothing is lost
            log.debug("Held deliveries not readable now: {}", e.toString());
            return;
        }
        for (Group group : due) {
            try {
                transactions.executeWithoutResult(status -> form(group, now));
            } catch (RuntimeException e) {
                log.warn("The digest of channel {} for {} could not be formed now ({}); tried again next poll",
                        group.channelId(), group.heldUntil().toInstant(), e.toString());
            }
        }
    }

    private void form(Group group, Instant now) {
        // locked in one order: a second instance waits here, then finds them carried (no longer held) and skips them
        List<Held> held = jdbc.sql("""
                        SELECT id, user_id, severity, payload::text AS payload FROM delivery.deliveries
                        WHERE channel_id = :channel AND held_until = :held AND state = 'PENDING'
                        ORDER BY id FOR UPDATE""")
                .param("channel", group.channelId())
                .param("held", group.heldUntil())
                .query((rs, n) -> new Held(rs.getObject("id", UUID.class), rs.getLong("user_id"), rs.getInt("severity"),
                        rs.getString("payload")))
                .list();
        if (held.isEmpty()) {
            return;
        }
        if (held.size() == 1) {
            jdbc.sql("UPDATE delivery.deliveries SET held_until = NULL WHERE id = :id")
                    .param("id", held.getFirst().id())
                    .update();
            meters.counter("marketpulse.delivery.digests", "outcome", "single").increment();
            return;
        }
        UUID digest = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO delivery.deliveries (id, channel_id, user_id, alert_id, severity, payload, state,
                            next_attempt_at, digest)
                        VALUES (:id, :channel, :user, :alert, :severity, CAST(:payload AS json), 'PENDING', :now, TRUE)""")
                .param("id", digest)
                .param("channel", group.channelId())
                .param("user", held.getFirst().userId())
                .param("alert", "digest-" + digest)
                .param("severity", held.stream().mapToInt(Held::severity).max().orElse(0))
                .param("payload", DigestBody.of(group.heldUntil().toInstant(), held.stream().map(Held::payload)
                        .toList()))
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("""
                        UPDATE delivery.deliveries SET state = 'DIGESTED', held_until = NULL, digest_id = :digest
                        WHERE id IN (:ids)""")
                .param("digest", digest)
                .param("ids", held.stream().map(Held::id).toList())
                .update();
        meters.counter("marketpulse.delivery.digests", "outcome", "digest").increment();
        log.info("Digest {} for channel {}: {} held deliveries at the end of quiet hours ({})", digest,
                group.channelId(), held.size(), group.heldUntil().toInstant());
    }
}
