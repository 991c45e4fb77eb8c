package com.marketpulse.detection.alert;

import com.marketpulse.detection.kafka.InputPolicy;
import com.marketpulse.events.MarketFeatures;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJsonDeserializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Scores the backtest runs' grid steps of {@code market.features.replay} in a consumer group (and listener
 * container) of its own, so a big backtest never delays live detection: each run with its own pipeline
 * ({@link RunPipelines}), its alerts stored under its run id and published on {@code market.alerts.replay}, never
 * {@code market.alerts}. The steps of a cancelled run are skipped and counted.
 */
class ReplayFeatureListener {

    private final InputPolicy policy;
    private final RunPipelines runs;
    private final AlertWriter writer;
    private final Counter scored;
    private final Counter raised;
    private final Counter skipped;

    ReplayFeatureListener(InputPolicy policy, RunPipelines runs, AlertWriter writer, MeterRegistry meters) {
        this.policy = policy;
        this.runs = runs;
        this.writer = writer;
        this.scored = meters.counter("marketpulse.detection.backtest.vectors.scored");
        this.raised = meters.counter("marketpulse.detection.backtest.alerts.written");
        this.skipped = meters.counter("marketpulse.detection.backtest.vectors.skipped");
    }

    @KafkaListener(id = "detection-backtests", topics = Topics.MARKET_FEATURES_REPLAY, groupId = "detection-backtests",
            properties = EventJsonDeserializer.VALUE_TYPE + "=com.marketpulse.events.MarketFeatures")
    void on(MarketFeatures features) {
        FeatureChecks.check(policy, features, true);
        var pipeline = runs.pipelineFor(features.runId());
        if (pipeline.isEmpty()) {
            skipped.increment();
            return;
        }
        raised.increment(writer.score(pipeline.get(), features));
        scored.increment();
    }
}
