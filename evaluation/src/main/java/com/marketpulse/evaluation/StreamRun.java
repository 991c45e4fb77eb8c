package com.marketpulse.evaluation;

import com.marketpulse.detection.episode.EpisodeUpdate;
import com.marketpulse.events.Alert;
import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Tick;
import com.marketpulse.simulator.MarketSimulator;
import com.marketpulse.simulator.MarketSink;
import com.marketpulse.simulator.SimulatorOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One simulated stream through a {@link DetectionPipeline}: the simulator, advanced by its virtual clock, hands
 * every tick to the pipeline and every label to the recording, in event-time order.
 */
final class StreamRun implements MarketSink {

    /** Every run starts here, so the same seed gives the same stream. */
    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    private final DetectionPipeline pipeline;
    private final Map<String, Long> ticksBySymbol = new HashMap<>();
    private final List<Labelled> labels = new ArrayList<>();
    private final Map<String, Episode> episodes = new LinkedHashMap<>();
    private final List<Detection> detections = new ArrayList<>();
    private long ticks;

    private StreamRun(DetectionPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Simulates {@code symbols} for {@code span} of market time and records what the pipeline made of it. */
    static Recording record(SimulatorOptions options, List<String> symbols, Duration span, DetectionPipeline pipeline) {
        var run = new StreamRun(pipeline);
        var simulator = new MarketSimulator(options, symbols, START);
        simulator.advanceTo(START.plus(span), run);
        return new Recording(run.labels, List.copyOf(run.episodes.values()), run.detections, run.ticks,
                symbols.size(), span);
    }

    @Override
    public void onLabel(AnomalyLabel label) {
        labels.add(new Labelled(label.symbol(), label.kind(), label.start(), label.end(),
                ticksBySymbol.getOrDefault(label.symbol(), 0L)));
    }

    @Override
    public void onTick(Tick tick) {
        long index = ticksBySymbol.merge(tick.symbol(), 1L, Long::sum) - 1;
        ticks++;
        for (EpisodeUpdate update : pipeline.onTick(tick)) {
            Alert alert = update.alert();
            detections.add(new Detection(tick.symbol(), alert.type(), tick.eventTime(), index));
            episodes.put(alert.alertId(), new Episode(alert.alertId(), alert.symbol(), alert.type(), alert.eventTime(),
                    alert.endTime()));
        }
    }
}
