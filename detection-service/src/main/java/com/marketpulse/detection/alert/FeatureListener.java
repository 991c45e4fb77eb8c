package com.marketpulse.detection.alert;

import com.marketpulse.detection.core.ScoringPipeline;
import com.marketpulse.detection.core.episode.EpisodeUpdate;
import com.marketpulse.detection.kafka.InputPolicy;
import com.marketpulse.detection.kafka.ValueChecks;
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

    private final InputPolicy policy;
    private final ScoringPipeline pipeline;
    private final AlertRepository alerts;
    private final AlertPublisher publisher;
    private final Counter scored;
    private final Counter raised;

    FeatureListener(InputPolicy policy, ScoringPipeline pipeline, AlertRepository alerts, AlertPublisher publisher,
                    MeterRegistry meters) {
        this.policy = policy;
        this.pipeline = pipeline;
        this.alerts = alerts;
        this.publisher = publisher;
        this.scored = meters.counter("marketpulse.detection.vectors.scored");
        this.raised = meters.counter("marketpulse.detection.alerts.written");
    }

    @KafkaListener(id = "detection-scorer", topics = Topics.MARKET_FEATURES, groupId = "detection-scorer",
            properties = EventJsonDeserializer.VALUE_TYPE + "=com.marketpulse.events.MarketFeatures")
    void on(MarketFeatures features) {
        check(features);
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

    /**
     * Refuses a step the pipeline must not see: an unwatched live symbol or a far-future time would open scoring
     * state that is never closed, and a NaN or negative value would poison the symbol's episodes.
     */
    private void check(MarketFeatures f) {
        ValueChecks.require(f.eventId() != null, "no event id");
        ValueChecks.shortText("eventId", f.eventId());
        ValueChecks.shortText("symbol", f.symbol());
        ValueChecks.shortText("runId", f.runId());
        policy.check(f.symbol(), f.runId(), f.eventTime());
        ValueChecks.positive("price", f.price());
        ValueChecks.nonNegative("historyMinutes", f.historyMinutes());
        for (double v : new double[] {f.return1m(), f.return5m(), f.return15m()}) {
            ValueChecks.finite("return", v);
        }
        for (double v : new double[] {f.usualMove1m(), f.usualMove5m(), f.usualMove15m(), f.volatility10m(),
                f.usualVolatility10m(), f.notional1m(), f.notional5m(), f.usualNotional1m(), f.spread()}) {
            ValueChecks.nonNegative("a move, volatility, notional or spread", v);
        }
        // -1: no trade yet (a quote-only venue)
        ValueChecks.finite("secondsSinceTrade", f.secondsSinceTrade());
        ValueChecks.require(f.secondsSinceTrade() >= -1, "secondsSinceTrade below -1: " + f.secondsSinceTrade());
    }
}
