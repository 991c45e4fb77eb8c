package com.marketpulse.detection.alert;

import com.marketpulse.detection.core.ScoringPipeline;
import com.marketpulse.detection.core.episode.EpisodeUpdate;
import com.marketpulse.events.Alert;
import com.marketpulse.events.MarketFeatures;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores one step with a pipeline (the live one or a backtest run's) and turns its episode updates into alerts: a
 * new or changed episode is upserted into {@code detection.alerts}, then published, and only then committed to the
 * pipeline's memory. A failure in between is retried by the error handler with the same result, so nothing is lost
 * and nothing doubled.
 */
final class AlertWriter {

    private static final Logger log = LoggerFactory.getLogger(AlertWriter.class);

    private final AlertRepository alerts;
    private final AlertPublisher publisher;

    AlertWriter(AlertRepository alerts, AlertPublisher publisher) {
        this.alerts = alerts;
        this.publisher = publisher;
    }

    /** @return how many alerts were written (new or changed episodes) */
    int score(ScoringPipeline pipeline, MarketFeatures features) {
        List<EpisodeUpdate> updates = pipeline.score(features);
        int written = 0;
        for (EpisodeUpdate update : updates) {
            if (update.changed()) {
                Alert alert = update.alert();
                alerts.upsert(alert);
                publisher.publish(alert);
                written++;
                log.info("Alert {} {} {} {} severity {}{}: {}", alert.alertId(), alert.symbol(), alert.type(),
                        alert.direction(), alert.severity(),
                        alert.runId() == null ? "" : " (run " + alert.runId() + ")", alert.explanation());
            }
        }
        pipeline.commit(updates);
        return written;
    }
}
