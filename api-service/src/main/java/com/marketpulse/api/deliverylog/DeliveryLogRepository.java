package com.marketpulse.api.deliverylog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.marketpulse.api.contract.DeliveryLogEntry;
import com.marketpulse.api.contract.DeliveryLogEntry.DeliveryAttempt;
import com.marketpulse.api.contract.DeliveryLogEntry.Digest;
import com.marketpulse.api.contract.DeliveryLogPage;

/**
 * Reads delivery-service's {@code delivery.deliveries} and {@code attempts} (the API's role may only read them).
 * Every statement names the owner. The API may start before delivery-service has migrated: then there is no log yet.
 */
@Repository
class DeliveryLogRepository {

    private static final String SELECT = """
            SELECT d.id, d.channel_id, c.name, c.type, d.alert_id, d.severity,
                   d.payload -> 'alert' ->> 'symbol' AS symbol, d.payload -> 'alert' ->> 'type' AS alert_type,
                   d.payload -> 'alert' ->> 'explanation' AS explanation,
                   d.payload -> 'impact' ->> 'text' AS impact, %s AS test, d.state, d.created_at, d.sent_at,
                   d.next_attempt_at,
                   CASE WHEN d.payload ->> 'digest' = 'true' THEN d.payload::text END AS digest
            FROM delivery.deliveries d LEFT JOIN api.alert_channels c ON c.id = d.channel_id
            """;
    /**
     * The log lists what was sent: a held alert carried by a quiet-hours digest (DIGESTED, from delivery-service's V6
     * on) is shown inside its digest's entry, not again on its own.
     */
    private static final String LISTED = " AND d.state <> 'DIGESTED'";

    private final JdbcClient jdbc;

    DeliveryLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean ownsChannel(long userId, long channelId) {
        return jdbc.sql("SELECT count(*) FROM api.alert_channels WHERE id = :id AND user_id = :user")
                .param("id", channelId).param("user", userId).query(Long.class).single() > 0
                // a removed channel's deliveries stay in the log: still the owner's
                || (exists("delivery.deliveries") && jdbc.sql("SELECT count(*) FROM delivery.deliveries "
                        + "WHERE channel_id = :id AND user_id = :user").param("id", channelId).param("user", userId)
                        .query(Long.class).single() > 0);
    }

    @Transactional(readOnly = true)
    DeliveryLogPage page(long userId, Long channelId, int page, int size) {
        if (!exists("delivery.deliveries")) {
            return new DeliveryLogPage(List.of(), page, size, 0);
        }
        String where = " WHERE d.user_id = :user" + LISTED + (channelId == null ? "" : " AND d.channel_id = :channel");
        Map<String, Object> params = new HashMap<>();
        params.put("user", userId);
        if (channelId != null) {
            params.put("channel", channelId);
        }
        long total = jdbc.sql("SELECT count(*) FROM delivery.deliveries d" + where).params(params)
                .query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<DeliveryLogEntry> rows = jdbc.sql(select() + where
                        + " ORDER BY d.created_at DESC, d.id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query(DeliveryLogRepository::row)
                .list();
        return new DeliveryLogPage(withAttempts(rows), page, size, total);
    }

    @Transactional(readOnly = true)
    Optional<DeliveryLogEntry> find(long userId, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!exists("delivery.deliveries")) {
            return Optional.empty();
        }
        return jdbc.sql(select() + " WHERE d.user_id = :user AND d.id = :id" + LISTED)
                .param("user", userId)
                .param("id", uuid)
                .query(DeliveryLogRepository::row)
                .optional()
                .map(entry -> withAttempts(List.of(entry)).getFirst());
    }

    private List<DeliveryLogEntry> withAttempts(List<DeliveryLogEntry> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<DeliveryAttempt>> attempts = new LinkedHashMap<>();
        rows.forEach(row -> attempts.put(row.id(), new ArrayList<>()));
        jdbc.sql("SELECT delivery_id, attempted_at, outcome, http_status, detail FROM delivery.attempts "
                        + "WHERE delivery_id IN (:ids) ORDER BY attempted_at, id")
                .param("ids", rows.stream().map(row -> UUID.fromString(row.id())).toList())
                .query(rs -> {
                    int status = rs.getInt("http_status");
                    Integer httpStatus = rs.wasNull() ? null : status;
                    attempts.get(rs.getObject("delivery_id", UUID.class).toString()).add(new DeliveryAttempt(
                            rs.getTimestamp("attempted_at").toInstant(), rs.getString("outcome"), httpStatus,
                            rs.getString("detail")));
                });
        return rows.stream().map(row -> new DeliveryLogEntry(row.id(), row.channelId(), row.channelName(),
                row.channelType(), row.alertId(), row.symbol(), row.alertType(), row.severity(), row.explanation(),
                row.impact(), row.test(), row.state(), row.createdAt(), row.sentAt(), row.nextAttemptAt(),
                List.copyOf(attempts.get(row.id())), row.digest())).toList();
    }

    /** Test deliveries are marked from delivery-service's V5 on; before it, none is a test. */
    private String select() {
        boolean marked = Boolean.TRUE.equals(jdbc.sql("SELECT EXISTS (SELECT 1 FROM information_schema.columns "
                + "WHERE table_schema = 'delivery' AND table_name = 'deliveries' AND column_name = 'test')")
                .query(Boolean.class).single());
        return SELECT.formatted(marked ? "d.test" : "FALSE");
    }

    private boolean exists(String table) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT to_regclass(:table) IS NOT NULL").param("table", table)
                .query(Boolean.class).single());
    }

    private static DeliveryLogEntry row(ResultSet rs, int n) throws SQLException {
        String state = rs.getString("state");
        Digest digest = DigestEntries.of(rs.getString("digest"));
        return new DeliveryLogEntry(rs.getObject("id", UUID.class).toString(), rs.getLong("channel_id"),
                rs.getString("name"), rs.getString("type"), rs.getString("alert_id"), rs.getString("symbol"),
                rs.getString("alert_type"), rs.getInt("severity"),
                digest == null ? rs.getString("explanation") : DigestEntries.headline(digest),
                rs.getString("impact"), rs.getBoolean("test"), state, instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("sent_at")),
                state.equals("PENDING") ? instant(rs.getTimestamp("next_attempt_at")) : null, List.of(), digest);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
