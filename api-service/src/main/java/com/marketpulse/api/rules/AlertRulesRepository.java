package com.marketpulse.api.rules;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.marketpulse.alerting.rules.RuleSet;
import com.marketpulse.alerting.rules.RuleSetJson;
import com.marketpulse.api.contract.Snooze;

/** {@code api.alert_rule_sets} and {@code api.alert_snoozes}. */
@Repository
class AlertRulesRepository {

    private final JdbcClient jdbc;

    AlertRulesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RuleSet> rules(long userId) {
        return jdbc.sql("SELECT rules::text FROM api.alert_rule_sets WHERE user_id = :user")
                .param("user", userId)
                .query(String.class)
                .optional()
                .map(RuleSetJson::read);
    }

    void save(long userId, RuleSet rules) {
        jdbc.sql("""
                        INSERT INTO api.alert_rule_sets (user_id, rules) VALUES (:user, CAST(:rules AS jsonb))
                        ON CONFLICT (user_id) DO UPDATE SET rules = EXCLUDED.rules, updated_at = now()""")
                .param("user", userId)
                .param("rules", RuleSetJson.write(rules))
                .update();
    }

    /** Snoozes still running at {@code now}. */
    List<Snooze> snoozes(long userId, Instant now) {
        return jdbc.sql("SELECT symbol, until FROM api.alert_snoozes WHERE user_id = :user AND until > :now "
                        + "ORDER BY symbol")
                .param("user", userId)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Snooze(rs.getString("symbol"), rs.getTimestamp("until").toInstant()))
                .list();
    }

    void snooze(long userId, String symbol, Instant until) {
        jdbc.sql("""
                        INSERT INTO api.alert_snoozes (user_id, symbol, until) VALUES (:user, :symbol, :until)
                        ON CONFLICT (user_id, symbol) DO UPDATE SET until = EXCLUDED.until""")
                .param("user", userId)
                .param("symbol", symbol)
                .param("until", Timestamp.from(until))
                .update();
    }

    /** The coin of a live alert, to snooze from the alert itself. */
    Optional<String> symbolOfAlert(String alertId) {
        return jdbc.sql("SELECT symbol FROM detection.alerts WHERE alert_id = :id AND run_id IS NULL")
                .param("id", alertId)
                .query(String.class)
                .optional();
    }
}
