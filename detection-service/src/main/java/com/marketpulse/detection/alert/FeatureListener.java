package com.marketpulse.detection.alert;

import com.marketpulse.detection.core.ScoringPipeline;
import com.marketpulse.detection.kafka.InputPolicy;
import com.marketpulse.events.MarketFeatures;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJsonDeserializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Scores every live grid step's {@link MarketFeatures} of {@code market.features} with detection-core's
 * {@link ScoringPipeline}; its alerts go to {@code detection.alerts} and {@code market.alerts}. Backtest steps are
 * on {@code market.features.replay}, read by {@link ReplayFeatureListener} in a group of its own: one on this topic
 * is refused ({@code wrong_stream}), so live episodes and live users never see a backtest.
 */
class FeatureListener {

    private final InputPolicy policy;
    private final ScoringPipeline pipeline;
    private final AlertWriter writer;
    private final Counter scored;
    private final Counter raised;

    FeatureListener(InputPolicy policy, ScoringPipeline pipeline, AlertWriter writer, MeterRegistry meters) {
        this.policy = policy;
        this.pipeline = pipeline;
        this.writer = writer;
        this.scored = meters.counter("marketpulse.detection.vectors.scored");
        this.raised = meters.counter("marketpulse.detection.alerts.written");
    }

    @KafkaListener(id = "detection-scorer", topics = Topics.MARKET_FEATURES, groupId = "detection-scorer",
            properties = EventJsonDeserializer.VALUE_TYPE + "=com.marketpulse.events.MarketFeatures")
    void on(MarketFeatures features) {
        FeatureChecks.check(policy, features, false);
        raised.increment(writer.score(pipeline, features));
        scored.increment();
    }
}
