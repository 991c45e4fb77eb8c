package com.marketpulse.api.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The status page's reads of {@code detection.alerts}. */
@Repository
class StatusRepository {

    private final JdbcClient jdbc;

    StatusRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long alertsDetectedSince(Instant since) {
        return jdbc.sql("SELECT count(*) FROM detection.alerts WHERE run_id IS NULL AND detected_at >= :since")
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    /** The newest stored model ({@code detection.models}, as alerts name it: 'v' || version). */
    Optional<String> newestStoredModel() {
        return jdbc.sql("SELECT 'v' || version FROM detection.models ORDER BY version DESC LIMIT 1")
                .query(String.class)
                .optional();
    }

    Optional<String> modelOfLatestAlert() {
        return jdbc.sql("SELECT model_version FROM detection.alerts WHERE run_id IS NULL "
                        + "ORDER BY detected_at DESC LIMIT 1")
                .query(String.class)
                .optional();
    }

    Optional<Instant> latestAlertEnd(String symbol) {
        return jdbc.sql("SELECT max(end_time) FROM detection.alerts WHERE run_id IS NULL AND symbol = :symbol")
                .param("symbol", symbol)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                .optional()
                .map(OffsetDateTime::toInstant);
    }
}
