package com.marketpulse.delivery.intake;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.marketpulse.alerting.rules.RuleSet;
import com.marketpulse.alerting.rules.RuleSetJson;

/**
 * Who holds a coin, read from the API's schema (portfolios, rules, snoozes, channels), which this service may only
 * read. Only users with an enabled channel of a type there is a sender for are returned: nobody else can be told.
 */
@Repository
class Holders {

    /** The channel types delivery-service sends to. */
    static final List<String> SENDABLE = List.of("WEBHOOK", "EMAIL", "TELEGRAM", "WEBPUSH");

    private final JdbcClient jdbc;

    Holders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Holder> of(String symbol) {
        record Row(long userId, Double quantity, String rules, Timestamp snoozedUntil, long channel) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT h.user_id, h.quantity, r.rules::text AS rules, s.until, c.id AS channel
                        FROM api.portfolio_holdings h
                        JOIN api.alert_channels c ON c.user_id = h.user_id AND c.enabled AND c.type IN (:types)
                            -- an email address is told nothing until its owner confirmed it, a Telegram channel
                            -- nothing until its owner linked a chat (else each alert would be a failed delivery, and
                            -- ten of them would pause the channel before it was ever linked)
                            AND (c.type <> 'EMAIL' OR c.confirmed_at IS NOT NULL)
                            AND (c.type <> 'TELEGRAM'
                                 OR EXISTS (SELECT 1 FROM delivery.telegram_chats t WHERE t.channel_id = c.id))
                        LEFT JOIN api.alert_rule_sets r ON r.user_id = h.user_id
                        LEFT JOIN api.alert_snoozes s ON s.user_id = h.user_id AND s.symbol = h.symbol
                        WHERE h.symbol = :symbol
                        ORDER BY h.user_id, c.id""")
                .param("symbol", symbol)
                .param("types", SENDABLE)
                .query((rs, n) -> {
                    double quantity = rs.getDouble("quantity");
                    Double held = rs.wasNull() ? null : quantity;
                    return new Row(rs.getLong("user_id"), held, rs.getString("rules"), rs.getTimestamp("until"),
                            rs.getLong("channel"));
                })
                .list();
        Map<Long, List<Row>> byUser = new LinkedHashMap<>();
        rows.forEach(row -> byUser.computeIfAbsent(row.userId(), u -> new ArrayList<>()).add(row));
        List<Holder> holders = new ArrayList<>();
        byUser.forEach((user, own) -> {
            Row first = own.getFirst();
            RuleSet rules = first.rules() == null ? RuleSet.DEFAULT : RuleSetJson.read(first.rules());
            holders.add(new Holder(user, first.quantity(), rules,
                    first.snoozedUntil() == null ? null : first.snoozedUntil().toInstant(),
                    own.stream().map(Row::channel).toList()));
        });
        return holders;
    }
}
