package com.marketpulse.delivery.intake;

import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.marketpulse.alerting.rules.Decision;
import com.marketpulse.alerting.rules.Told;
import com.marketpulse.events.Alert;

/** {@code delivery.decisions}: what each holder was told (or not), the history the rules look at. */
@Repository
class DecisionLog {

    private final JdbcClient jdbc;

    DecisionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The most severe time this user was told of this alert id. */
    Optional<Told> sameEpisode(long userId, Alert alert) {
        return jdbc.sql("""
                        SELECT alert_id, severity, price, event_time FROM delivery.decisions
                        WHERE user_id = :user AND alert_id = :alert AND outcome <> 'SUPPRESS'
                        ORDER BY severity DESC LIMIT 1""")
                .param("user", userId)
                .param("alert", alert.alertId())
                .query(DecisionLog::told)
                .optional();
    }

    /** The latest alert of this coin and type (another alert id) this user was told of, by event time. */
    Optional<Told> lastOfKind(long userId, Alert alert) {
        return jdbc.sql("""
                        SELECT alert_id, severity, price, event_time FROM delivery.decisions
                        WHERE user_id = :user AND symbol = :symbol AND type = :type AND outcome <> 'SUPPRESS'
                          AND alert_id <> :alert AND event_time <= :time
                        ORDER BY event_time DESC LIMIT 1""")
                .param("user", userId)
                .param("symbol", alert.symbol())
                .param("type", alert.type().name())
                .param("alert", alert.alertId())
                .param("time", Timestamp.from(alert.eventTime()))
                .query(DecisionLog::told)
                .optional();
    }

    /** Records the decision; {@code false} when this user, alert and severity were decided before (a redelivery). */
    boolean record(long userId, Alert alert, Decision decision) {
        return jdbc.sql("""
                        INSERT INTO delivery.decisions (user_id, alert_id, severity, symbol, type, event_time, price,
                            outcome, reason)
                        VALUES (:user, :alert, :severity, :symbol, :type, :time, :price, :outcome, :reason)
                        ON CONFLICT DO NOTHING""")
                .param("user", userId)
                .param("alert", alert.alertId())
                .param("severity", alert.severity())
                .param("symbol", alert.symbol())
                .param("type", alert.type().name())
                .param("time", Timestamp.from(alert.eventTime()))
                .param("price", alert.price())
                .param("outcome", decision.outcome().name())
                .param("reason", decision.reason() == null ? null : decision.reason().name())
                .update() == 1;
    }

    private static Told told(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Told(rs.getString("alert_id"), rs.getInt("severity"), rs.getDouble("price"),
                rs.getTimestamp("event_time").toInstant());
    }
}
