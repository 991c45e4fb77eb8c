package com.marketpulse.detection.core;

import com.marketpulse.detection.core.episode.EpisodeTracker;
import com.marketpulse.detection.core.episode.EpisodeUpdate;
import com.marketpulse.events.MarketFeatures;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What detection does with one grid step, the same in the service, the evaluation and the benchmarks: the
 * {@link Detector}'s findings become episode updates ({@link EpisodeTracker}), which the caller writes and
 * publishes, then {@link #commit}s. The detector can be swapped (a retrained model) while steps flow.
 */
public final class ScoringPipeline {

    private final AtomicReference<Detector> detector;
    private final EpisodeTracker episodes;

    public ScoringPipeline(Detector detector, EpisodeTracker episodes) {
        this.detector = new AtomicReference<>(detector);
        this.episodes = episodes;
    }

    public Detector detector() {
        return detector.get();
    }

    public void swap(Detector retrained) {
        detector.set(retrained);
    }

    /** The episode updates of one step (one per finding), not yet remembered: write them, then commit. */
    public List<EpisodeUpdate> score(MarketFeatures features) {
        return episodes.apply(detector.get().detect(features));
    }

    public void commit(List<EpisodeUpdate> updates) {
        episodes.commit(updates);
    }
}
