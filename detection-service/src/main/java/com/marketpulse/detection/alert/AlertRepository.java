package com.marketpulse.detection.alert;

import com.marketpulse.detection.core.episode.EpisodeStore;
import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.SeverityLevel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code detection.alerts}, written idempotently: the alert id is deterministic, so writing an episode again
 * updates its row. The row only moves forward: the end time never goes back and the peak (severity, direction,
 * price, score, explanation, model) is only replaced by a more severe one; start, detection time and run never
 * change.
 */
@Repository
class AlertRepository implements EpisodeStore {

    private static final String UPSERT = """
            INSERT INTO detection.alerts (alert_id, symbol, type, direction, severity, level, event_time, end_time,
                                          price, score, model_version, explanation, detected_at, updated_at, run_id)
            VALUES (:alertId, :symbol, :type, :direction, :severity, :level, :eventTime, :endTime,
                    :price, :score, :modelVersion, :explanation, :detectedAt, :updatedAt, :runId)
            ON CONFLICT (alert_id) DO UPDATE SET
                end_time      = GREATEST(alerts.end_time, EXCLUDED.end_time),
                direction     = CASE WHEN EXCLUDED.severity > alerts.severity THEN EXCLUDED.direction ELSE alerts.direction END,
                price         = CASE WHEN EXCLUDED.severity > alerts.severity THEN EXCLUDED.price ELSE alerts.price END,
                score         = CASE WHEN EXCLUDED.severity > alerts.severity THEN EXCLUDED.score ELSE alerts.score END,
                model_version = CASE WHEN EXCLUDED.severity > alerts.severity THEN EXCLUDED.model_version ELSE alerts.model_version END,
                explanation   = CASE WHEN EXCLUDED.severity > alerts.severity THEN EXCLUDED.explanation ELSE alerts.explanation END,
                level         = CASE WHEN EXCLUDED.severity > alerts.severity THEN EXCLUDED.level ELSE alerts.level END,
                severity      = GREATEST(alerts.severity, EXCLUDED.severity),
                updated_at    = EXCLUDED.updated_at
            """;

    private static final String OVERLAPPING = """
            SELECT * FROM detection.alerts
            WHERE symbol = :symbol AND type = :type AND run_id IS NOT DISTINCT FROM :runId
              AND event_time <= :to AND end_time >= :from
            ORDER BY end_time DESC
            LIMIT 1
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    AlertRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void upsert(Alert alert) {
        jdbc.sql(UPSERT)
                .param("alertId", alert.alertId())
                .param("symbol", alert.symbol())
                .param("type", alert.type().name())
                .param("direction", alert.direction().name())
                .param("severity", alert.severity())
                .param("level", alert.level().name())
                .param("eventTime", utc(alert.eventTime()))
                .param("endTime", utc(alert.endTime()))
                .param("price", alert.price())
                .param("score", alert.score())
                .param("modelVersion", alert.modelVersion())
                .param("explanation", alert.explanation())
                .param("detectedAt", utc(alert.detectedAt()))
                .param("updatedAt", utc(clock.instant()))
                .param("runId", alert.runId())
                .update();
    }

    @Override
    public Optional<Alert> findOverlapping(String symbol, AlertType type, String runId, Instant from, Instant to) {
        return jdbc.sql(OVERLAPPING)
                .param("symbol", symbol)
                .param("type", type.name())
                .param("runId", runId, java.sql.Types.VARCHAR)
                .param("from", utc(from))
                .param("to", utc(to))
                .query(AlertRepository::alert)
                .optional();
    }

    private static Alert alert(ResultSet rs, int row) throws SQLException {
        return new Alert(rs.getString("alert_id"), rs.getString("symbol"), AlertType.valueOf(rs.getString("type")),
                Direction.valueOf(rs.getString("direction")), rs.getInt("severity"),
                SeverityLevel.valueOf(rs.getString("level")), instant(rs, "event_time"), instant(rs, "end_time"),
                rs.getDouble("price"), rs.getDouble("score"), rs.getString("model_version"),
                rs.getString("explanation"), instant(rs, "detected_at"), rs.getString("run_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** PostgreSQL keeps microseconds: the nanoseconds of an event time are truncated in the table only. */
    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

}
