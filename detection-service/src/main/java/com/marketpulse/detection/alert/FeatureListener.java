package com.marketpulse.detection.alert;

import com.marketpulse.detection.episode.EpisodeTracker;
import com.marketpulse.detection.episode.EpisodeUpdate;
import com.marketpulse.detection.model.ModelRegistry;
import com.marketpulse.detection.scoring.Detector;
import com.marketpulse.detection.scoring.HistoryBook;
import com.marketpulse.detection.scoring.SymbolHistory;
import com.marketpulse.events.FeatureVector;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJsonDeserializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Scores every feature vector and turns findings into episodes: a new or changed episode is upserted into
 * {@code detection.alerts}, then published to {@code market.alerts}, and only then remembered. A failure in
 * between is retried by the error handler with the same result, so nothing is lost and nothing doubled.
 * Replay vectors (with a run id) have their own episodes and rows; they never touch live alerts.
 */
@Component
class FeatureListener {

    private static final Logger log = LoggerFactory.getLogger(FeatureListener.class);

    private final ModelRegistry models;
    private final EpisodeTracker episodes;
    private final HistoryBook histories = new HistoryBook();
    private final AlertRepository alerts;
    private final AlertPublisher publisher;
    private final Counter scored;
    private final Counter raised;

    FeatureListener(ModelRegistry models, EpisodeTracker episodes, AlertRepository alerts, AlertPublisher publisher,
                    MeterRegistry meters) {
        this.models = models;
        this.episodes = episodes;
        this.alerts = alerts;
        this.publisher = publisher;
        this.scored = meters.counter("marketpulse.detection.vectors.scored");
        this.raised = meters.counter("marketpulse.detection.alerts.written");
    }

    @KafkaListener(id = "detection-scorer", topics = Topics.MARKET_FEATURES, groupId = "detection-scorer",
            properties = EventJsonDeserializer.VALUE_TYPE + "=com.marketpulse.events.FeatureVector")
    void on(FeatureVector vector) {
        SymbolHistory history = histories.of(vector);
        Detector detector = models.detector();
        List<EpisodeUpdate> updates = episodes.apply(detector.detect(vector, history));
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
        episodes.commit(updates);
        detector.remember(vector, history);
        scored.increment();
    }
}
