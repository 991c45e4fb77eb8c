package com.marketpulse.detection.alert;

import com.marketpulse.detection.core.ScoringPipeline;
import com.marketpulse.detection.core.episode.EpisodeUpdate;
import com.marketpulse.events.MarketFeatures;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJsonDeserializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Scores every grid step's {@link MarketFeatures} with detection-core's {@link ScoringPipeline} and turns its
 * episode updates into alerts: a new or changed episode is upserted into {@code detection.alerts}, then published
 * to {@code market.alerts}, and only then committed to the pipeline's memory. A failure in between is retried by
 * the error handler with the same result, so nothing is lost and nothing doubled. Replay steps (with a run id)
 * have their own episodes and rows; they never touch live alerts.
 */
class FeatureListener {

    private static final Logger log = LoggerFactory.getLogger(FeatureListener.class);

    private final ScoringPipeline pipeline;
    private final AlertRepository alerts;
    private final AlertPublisher publisher;
    private final Counter scored;
    private final Counter raised;

    FeatureListener(ScoringPipeline pipeline, AlertRepository alerts, AlertPublisher publisher, MeterRegistry meters) {
        this.pipeline = pipeline;
        this.alerts = alerts;
        this.publisher = publisher;
        this.scored = meters.counter("marketpulse.detection.vectors.scored");
        this.raised = meters.counter("marketpulse.detection.alerts.written");
    }

    @KafkaListener(id = "detection-scorer", topics = Topics.MARKET_FEATURES, groupId = "detection-scorer",
            properties = EventJsonDeserializer.VALUE_TYPE + "=com.marketpulse.events.MarketFeatures")
    void on(MarketFeatures features) {
        List<EpisodeUpdate> updates = pipeline.score(features);
        for (EpisodeUpdate update : updates) {
            if (update.changed()) {
                alerts.upsert(update.alert());
                publisher.publish(update.alert());
                raised.increment();
                log.info("Alert {} {} {} {} severity {}: {}", update.alert().alertId(), update.alert().symbol(),
                        update.alert().type(), update.alert().direction(), update.alert().severity(),
                        update.alert().explanation());
            }
        }
        pipeline.commit(updates);
        scored.increment();
    }
}
