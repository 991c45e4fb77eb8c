package com.marketpulse.evaluation;

import com.marketpulse.detection.episode.EpisodeStore;
import com.marketpulse.detection.episode.EpisodeTracker;
import com.marketpulse.detection.episode.EpisodeUpdate;
import com.marketpulse.detection.scoring.Detector;
import com.marketpulse.detection.scoring.DetectorModel;
import com.marketpulse.detection.scoring.HistoryBook;
import com.marketpulse.detection.scoring.SymbolHistory;
import com.marketpulse.events.FeatureVector;
import com.marketpulse.events.Tick;
import com.marketpulse.feature.math.FeatureSettings;
import com.marketpulse.feature.math.SymbolState;
import com.marketpulse.feature.math.TickOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The path of one tick through the product, in one thread and without Kafka: feature-service's
 * {@link SymbolState} per symbol makes the feature vector, then detection-service's scorer does what its
 * listener does per vector: {@link Detector#detect} with the symbol's {@link SymbolHistory}, the
 * {@link EpisodeTracker}'s updates (applied and committed at once, as after a successful write), then the vector
 * is counted into the symbol's evidence. Episodes are kept in memory only ({@link EpisodeStore#none()}).
 */
public final class DetectionPipeline {

    private final FeatureSettings settings;
    private final Detector detector;
    private final EpisodeTracker episodes;
    private final HistoryBook histories = new HistoryBook();
    private final Map<String, SymbolState> states = new HashMap<>();

    public DetectionPipeline(FeatureSettings settings, Detector detector, Duration cooldown, Clock clock) {
        this.settings = settings;
        this.detector = detector;
        this.episodes = new EpisodeTracker(cooldown, EpisodeStore.none(), clock);
    }

    /** The pipeline of a deployment with this configuration and model. */
    public static DetectionPipeline of(DeployedConfig config, DetectorModel model, Clock clock) {
        var detector = new Detector(model, config.detection().rules(), config.features().priceWindow());
        return new DetectionPipeline(config.features(), detector, config.detection().cooldown(), clock);
    }

    /**
     * One tick: the episode updates it caused (one per finding that was not suppressed), changed or not; empty
     * for a normal, warming-up, duplicate or out-of-order tick.
     */
    public List<EpisodeUpdate> onTick(Tick tick) {
        SymbolState state = states.computeIfAbsent(tick.symbol(), symbol -> SymbolState.fresh(settings));
        if (!(state.onTick(tick) instanceof TickOutcome.Accepted accepted)) {
            return List.of();
        }
        FeatureVector vector = accepted.features();
        SymbolHistory history = histories.of(vector);
        List<EpisodeUpdate> updates = episodes.apply(detector.detect(vector, history));
        episodes.commit(updates);
        detector.remember(vector, history);
        return updates;
    }
}
