package com.marketpulse.delivery.testsend;

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

import com.marketpulse.alerting.rules.RuleSet;
import com.marketpulse.alerting.rules.RuleSetJson;
import com.marketpulse.events.json.EventJson;

/**
 * Every poll: each test-send request not yet taken becomes one pending delivery to its channel, due now. The request
 * is claimed in {@code delivery.test_sends} (its id the key) in the same transaction as the delivery is written, so
 * each is sent once whichever instance polls first; the dispatcher then sends it through the channel's real sender,
 * with retries, the attempts log and pausing as for any alert.
 */
@Service
class TestSendIntake {

    private static final Logger log = LoggerFactory.getLogger(TestSendIntake.class);
    /** Requests taken per poll: the API allows one per channel per 10 s, so a poll rarely sees more than a few. */
    static final int BATCH = 50;

    private record Request(long id, long channelId, long userId) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    TestSendIntake(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    void run() {
        List<Request> requests;
        try {
            requests = jdbc.sql("""
                            SELECT r.id, r.channel_id, r.user_id FROM api.channel_test_requests r
                            WHERE NOT EXISTS (SELECT 1 FROM delivery.test_sends t WHERE t.request_id = r.id)
                            ORDER BY r.id LIMIT :limit""")
                    .param("limit", BATCH)
                    .query((rs, n) -> new Request(rs.getLong("id"), rs.getLong("channel_id"), rs.getLong("user_id")))
                    .list();
        } catch (RuntimeException e) {
            // the database is away (or the API has not migrated yet): the requests wait for the next poll
            log.debug("Test-send requests not readable now: {}", e.toString());
            return;
        }
        for (Request request : requests) {
            if (Boolean.TRUE.equals(transactions.execute(status -> take(request)))) {
                meters.counter("marketpulse.delivery.test-sends").increment();
                log.info("Test alert for channel {} (request {}) queued", request.channelId(), request.id());
            }
        }
    }

    /** {@code false} when another instance took the request first. */
    private boolean take(Request request) {
        UUID delivery = UUID.randomUUID();
        boolean claimed = jdbc.sql("INSERT INTO delivery.test_sends (request_id, delivery_id) VALUES (:request, "
                        + ":delivery) ON CONFLICT (request_id) DO NOTHING")
                .param("request", request.id())
                .param("delivery", delivery)
                .update() == 1;
        if (!claimed) {
            return false;
        }
        Instant now = clock.instant();
        String payload = EventJson.mapper().writeValueAsString(TestAlert.of(request.id(), symbolOf(request.userId()),
                zoneOf(request.userId()), now));
        jdbc.sql("""
                        INSERT INTO delivery.deliveries (id, channel_id, user_id, alert_id, severity, payload, state,
                            next_attempt_at, test)
                        VALUES (:id, :channel, :user, :alert, 0, CAST(:payload AS json), 'PENDING', :due, TRUE)""")
                .param("id", delivery)
                .param("channel", request.channelId())
                .param("user", request.userId())
                .param("alert", "test-" + request.id())
                .param("payload", payload)
                .param("due", Timestamp.from(now))
                .update();
        return true;
    }

    /** The zone of the user's alert rules (UTC for a user who set none), as intake writes it for their alerts. */
    private String zoneOf(long userId) {
        return jdbc.sql("SELECT rules::text FROM api.alert_rule_sets WHERE user_id = :user")
                .param("user", userId)
                .query(String.class)
                .optional()
                .map(rules -> RuleSetJson.read(rules).zone().getId())
                .orElse(RuleSet.DEFAULT.zone().getId());
    }

    /** A coin the user holds, so the test looks like their alerts; BTC/USD for a user who holds none. */
    private String symbolOf(long userId) {
        return jdbc.sql("SELECT symbol FROM api.portfolio_holdings WHERE user_id = :user ORDER BY symbol LIMIT 1")
                .param("user", userId)
                .query(String.class)
                .optional()
                .orElse("BTC/USD");
    }
}
