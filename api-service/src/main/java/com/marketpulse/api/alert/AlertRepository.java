package com.marketpulse.api.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.SeverityLevel;

/** Reads live alerts from {@code detection.alerts} (written by detection-service; read-only here). */
@Repository
public class AlertRepository {

    /** The columns {@link #row} reads, for the backtests' reader of the same table. */
    public static final String COLUMNS = "alert_id, symbol, type, direction, severity, level, event_time, end_time, "
            + "price, score, model_version, explanation, detected_at";

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first; fetches up to {@code query.limit() + 1} rows so the caller knows whether more exist. */
    List<AlertDto> find(AlertQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM detection.alerts WHERE run_id IS NULL");
        Map<String, Object> params = new HashMap<>();
        if (!query.symbols().isEmpty()) {
            sql.append(" AND symbol IN (:symbols)");
            params.put("symbols", query.symbols());
        }
        if (!query.types().isEmpty()) {
            sql.append(" AND type IN (:types)");
            params.put("types", query.types().stream().map(AlertType::name).toList());
        }
        if (query.minSeverity() > 0) {
            sql.append(" AND severity >= :minSeverity");
            params.put("minSeverity", query.minSeverity());
        }
        if (query.from() != null) {
            sql.append(" AND event_time >= :from");
            params.put("from", utc(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND event_time < :to");
            params.put("to", utc(query.to()));
        }
        if (query.after() != null) {
            sql.append(" AND (event_time, alert_id) < (:afterTime, :afterId)");
            params.put("afterTime", utc(query.after().eventTime()));
            params.put("afterId", query.after().alertId());
        }
        sql.append(" ORDER BY event_time DESC, alert_id DESC LIMIT :limit");
        params.put("limit", query.limit() + 1);
        return jdbc.sql(sql.toString()).params(params).query(AlertRepository::row).list();
    }

    public Optional<AlertDto> findLive(String alertId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM detection.alerts WHERE alert_id = :id AND run_id IS NULL")
                .param("id", alertId)
                .query(AlertRepository::row)
                .optional();
    }

    /**
     * Live alerts stored after the given one (by first detection), oldest first: what a stream client that last
     * saw {@code alertId} has missed. Empty when the id is unknown.
     */
    public List<AlertDto> storedAfter(String alertId, List<String> symbols, int max) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM detection.alerts a WHERE run_id IS NULL"
                + " AND (a.detected_at, a.alert_id) > (SELECT detected_at, alert_id FROM detection.alerts"
                + " WHERE alert_id = :id)");
        Map<String, Object> params = new HashMap<>();
        params.put("id", alertId);
        if (symbols != null) {
            if (symbols.isEmpty()) {
                return List.of();
            }
            sql.append(" AND symbol IN (:symbols)");
            params.put("symbols", symbols);
        }
        sql.append(" ORDER BY detected_at, alert_id LIMIT :max");
        params.put("max", max);
        return jdbc.sql(sql.toString()).params(params).query(AlertRepository::row).list();
    }

    /** One row of {@link #COLUMNS} as the API shows it. */
    public static AlertDto row(ResultSet rs, int rowNum) throws SQLException {
        return new AlertDto(
                rs.getString("alert_id"),
                rs.getString("symbol"),
                AlertType.valueOf(rs.getString("type")),
                Direction.valueOf(rs.getString("direction")),
                rs.getInt("severity"),
                level(rs.getString("level"), rs.getInt("severity")),
                instant(rs, "event_time"),
                instant(rs, "end_time"),
                rs.getDouble("price"),
                rs.getDouble("score"),
                rs.getString("model_version"),
                rs.getString("explanation"),
                instant(rs, "detected_at"));
    }

    private static SeverityLevel level(String stored, int severity) {
        for (SeverityLevel level : SeverityLevel.values()) {
            if (level.name().equals(stored)) {
                return level;
            }
        }
        return SeverityLevel.of(severity);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
