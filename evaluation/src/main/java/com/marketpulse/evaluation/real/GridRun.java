package com.marketpulse.evaluation.real;

import com.marketpulse.detection.core.Detector;
import com.marketpulse.detection.core.ScoringPipeline;
import com.marketpulse.detection.core.episode.EpisodeStore;
import com.marketpulse.detection.core.episode.EpisodeTracker;
import com.marketpulse.detection.core.episode.EpisodeUpdate;
import com.marketpulse.events.Alert;
import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.MarketFeatures;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.feature.grid.GridSettings;
import com.marketpulse.feature.grid.GridStep;
import com.marketpulse.feature.grid.MarketState;
import com.marketpulse.simulator.MarketSink;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The path of market events through the product in one thread, without Kafka: feature-service's
 * {@link MarketState} per symbol makes the grid steps, detection's {@link ScoringPipeline} turns them into episode
 * updates, applied and committed at once (as after a successful write). Records each alert's first detection.
 */
public final class GridRun {

    /** One alert as the run saw it: the episode, and when it was first raised (event time). */
    public record Raised(Alert alert, Instant firstDetected, MarketFeatures firstFeatures) {
    }

    private final GridSettings settings;
    private final ScoringPipeline pipeline;
    private final Map<String, MarketState> states = new HashMap<>();
    private final Map<String, Raised> alerts = new LinkedHashMap<>();
    private long steps;

    public GridRun(GridSettings settings, Detector detector) {
        this.settings = settings;
        Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        this.pipeline = new ScoringPipeline(detector,
                new EpisodeTracker(detector.settings().cooldown(), EpisodeStore.none(), clock));
    }

    /** A simulator sink feeding this run (labels are ignored), keeping the trades {@code keep} accepts. */
    public MarketSink sink(Predicate<Tick> keep) {
        return new MarketSink() {
            @Override
            public void onTick(Tick tick) {
                if (keep.test(tick)) {
                    onTrade(tick);
                }
            }

            @Override
            public void onQuote(Quote quote) {
                GridRun.this.onQuote(quote);
            }

            @Override
            public void onBar(SourceBar bar) {
                GridRun.this.onBar(bar);
            }

            @Override
            public void onLabel(AnomalyLabel label) {
            }
        };
    }

    public void onBar(SourceBar bar) {
        handle(state(bar.symbol()).onBar(bar));
    }

    public void onQuote(Quote quote) {
        handle(state(quote.symbol()).onQuote(quote));
    }

    public void onTrade(Tick tick) {
        handle(state(tick.symbol()).onTrade(tick));
    }

    private MarketState state(String symbol) {
        return states.computeIfAbsent(symbol, s -> MarketState.fresh(settings));
    }

    private void handle(GridStep step) {
        if (!step.hasFeatures()) {
            return;
        }
        steps++;
        MarketFeatures features = step.features();
        List<EpisodeUpdate> updates = pipeline.score(features);
        pipeline.commit(updates);
        for (EpisodeUpdate update : updates) {
            Alert alert = update.alert();
            alerts.compute(alert.alertId(), (id, seen) -> seen == null
                    ? new Raised(alert, features.eventTime(), features)
                    : new Raised(alert, seen.firstDetected(), seen.firstFeatures()));
        }
    }

    public List<Raised> alerts() {
        return new ArrayList<>(alerts.values());
    }

    public long steps() {
        return steps;
    }
}
