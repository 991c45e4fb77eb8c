package com.marketpulse.delivery.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.marketpulse.alerting.rules.AlertRules;
import com.marketpulse.alerting.rules.Decision;
import com.marketpulse.alerting.rules.Recipient;
import com.marketpulse.events.Alert;
import com.marketpulse.events.json.EventJson;

/**
 * Takes one live alert: for every holder of its coin, decides by their rules and records the decision together
 * with one pending delivery per channel, in one transaction. A redelivered record finds its decisions made and adds
 * nothing; the unique key (channel, alert, severity) keeps a delivery from being queued twice. A delivery held for
 * quiet hours is marked {@code held_until}: at their end it goes out in its channel's digest.
 */
@Service
public class AlertIntake {

    private final Holders holders;
    private final DecisionLog decisions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final MeterRegistry meters;

    AlertIntake(Holders holders, DecisionLog decisions, JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.holders = holders;
        this.decisions = decisions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional
    public void take(Alert alert) {
        Instant now = clock.instant();
        for (Holder holder : holders.of(alert.symbol())) {
            var who = new Recipient(holder.rules(), holder.quantity(), holder.snoozedUntil(),
                    decisions.sameEpisode(holder.userId(), alert), decisions.lastOfKind(holder.userId(), alert));
            Decision decision = AlertRules.decide(alert, who, now);
            if (!decisions.record(holder.userId(), alert, decision)) {
                continue;
            }
            meters.counter("marketpulse.delivery.decisions", "outcome", decision.outcome().name(), "reason",
                    decision.reason() == null ? "none" : decision.reason().name()).increment();
            if (decision.outcome() != Decision.Outcome.SUPPRESS) {
                queue(alert, holder, decision, now);
            }
        }
    }

    private void queue(Alert alert, Holder holder, Decision decision, Instant now) {
        Notice notice = new Notice(alert, decision.impact().map(Notice.ImpactView::of).orElse(null),
                decision.holdUntil(), holder.rules().zone().getId());
        String payload = EventJson.mapper().writeValueAsString(notice);
        Instant due = decision.holdUntil() != null ? decision.holdUntil() : now;
        for (long channel : holder.channels()) {
            jdbc.sql("""
                            INSERT INTO delivery.deliveries (id, channel_id, user_id, alert_id, severity, payload, state,
                                next_attempt_at, held_until)
                            VALUES (:id, :channel, :user, :alert, :severity, CAST(:payload AS json), 'PENDING', :due,
                                :held)
                            ON CONFLICT (channel_id, alert_id, severity) DO NOTHING""")
                    .param("id", UUID.randomUUID())
                    .param("channel", channel)
                    .param("user", holder.userId())
                    .param("alert", alert.alertId())
                    .param("severity", alert.severity())
                    .param("payload", payload)
                    .param("due", Timestamp.from(due))
                    // held: it waits for the digest of its channel at the quiet hours' end
                    .param("held", decision.holdUntil() == null ? null : Timestamp.from(decision.holdUntil()),
                            java.sql.Types.TIMESTAMP)
                    .update();
        }
    }
}
