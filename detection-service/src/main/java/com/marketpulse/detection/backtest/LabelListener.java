package com.marketpulse.detection.backtest;

import com.marketpulse.detection.kafka.InputPolicy;
import com.marketpulse.detection.kafka.RejectedRecordException;
import com.marketpulse.detection.kafka.ValueChecks;
import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJsonDeserializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stores the ground truth a backtest's input carried ({@code market.labels.replay}, published by ingestion from the
 * input's label column) in {@code detection.backtest_labels}, so the API can score the run's alerts against it. A
 * redelivered label replaces its row; a label without a run, or with values no event has, goes to its DLT. Like
 * the run's bars, a label arriving after the run's CANCEL or DELETE is skipped and counted (its steps were not
 * judged, so it would only count as missed; after a DELETE nobody could remove it).
 */
@Component
class LabelListener {

    private static final String UPSERT = """
            INSERT INTO detection.backtest_labels (run_id, label_id, symbol, kind, start_time, end_time, magnitude)
            VALUES (:runId, :labelId, :symbol, :kind, :start, :end, :magnitude)
            ON CONFLICT (run_id, label_id) DO UPDATE SET
                symbol = EXCLUDED.symbol, kind = EXCLUDED.kind, start_time = EXCLUDED.start_time,
                end_time = EXCLUDED.end_time, magnitude = EXCLUDED.magnitude
            """;

    private final JdbcClient jdbc;
    private final InputPolicy policy;
    private final RunCancellations cancellations;
    private final Counter skipped;

    LabelListener(JdbcClient jdbc, InputPolicy policy, RunCancellations cancellations, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.cancellations = cancellations;
        this.skipped = meters.counter("marketpulse.detection.backtest.labels.skipped");
    }

    @KafkaListener(id = "detection-backtest-labels", topics = Topics.MARKET_LABELS_REPLAY,
            groupId = "detection-backtest-labels",
            properties = EventJsonDeserializer.VALUE_TYPE + "=com.marketpulse.events.AnomalyLabel")
    void on(AnomalyLabel label) {
        check(label);
        if (cancellations.cancelled(label.runId())) {
            skipped.increment();
            return;
        }
        jdbc.sql(UPSERT)
                .param("runId", label.runId())
                .param("labelId", label.eventId())
                .param("symbol", label.symbol())
                .param("kind", label.kind().name())
                .param("start", label.start().atOffset(ZoneOffset.UTC))
                .param("end", label.end().atOffset(ZoneOffset.UTC))
                .param("magnitude", label.magnitude())
                .update();
    }

    private void check(AnomalyLabel label) {
        if (label.runId() == null) {
            throw new RejectedRecordException("wrong_stream", "a label without a run id on "
                    + Topics.MARKET_LABELS_REPLAY);
        }
        ValueChecks.require(label.eventId() != null, "no event id");
        ValueChecks.shortText("eventId", label.eventId());
        ValueChecks.shortText("symbol", label.symbol());
        ValueChecks.shortText("runId", label.runId());
        policy.check(label.symbol(), label.runId(), label.start());
        ValueChecks.require(label.kind() != null, "no kind");
        ValueChecks.require(label.end() != null && !label.end().isBefore(label.start()),
                "a label must not end before it starts");
        ValueChecks.finite("magnitude", label.magnitude());
    }
}
