package com.marketpulse.detection.core.episode;

import com.marketpulse.detection.core.Finding;
import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns findings into episodes: consecutive findings of the same symbol, type and run whose event times are at
 * most {@code cooldown} apart are one episode, i.e. one alert, updated while it lasts (end time, and the peak's
 * severity, direction, price, score and explanation). A finding more than {@code cooldown} after the episode's
 * end opens a new one. Live and replay episodes never mix: the run id is part of the key.
 * <p>
 * Two-phase: {@link #apply} computes the new states without remembering them; {@link #commit} remembers them once
 * they are written and published, so a failed write is retried with the same result. Episodes the process does
 * not remember (after a restart) are looked up in the {@link EpisodeStore}. Findings of one symbol must be
 * applied by one thread at a time (Kafka's partitioning by symbol does that); different symbols may run in
 * parallel.
 */
public final class EpisodeTracker {

    private static final int MAX_REMEMBERED = 10_000;

    private final Duration cooldown;
    private final EpisodeStore store;
    private final Clock clock;
    private final Map<Key, Alert> episodes = new ConcurrentHashMap<>();

    public EpisodeTracker(Duration cooldown, EpisodeStore store, Clock clock) {
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must not be negative: " + cooldown);
        }
        this.cooldown = cooldown;
        this.store = store;
        this.clock = clock;
    }

    /** The episode updates the findings of one vector cause; not remembered until {@link #commit}. */
    public List<EpisodeUpdate> apply(List<Finding> findings) {
        if (findings.isEmpty()) {
            return List.of();
        }
        List<EpisodeUpdate> updates = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            updates.add(apply(finding));
        }
        return updates;
    }

    /** Remembers episode states that have been written and published. */
    public void commit(List<EpisodeUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        for (EpisodeUpdate update : updates) {
            Alert alert = update.alert();
            episodes.merge(new Key(alert.symbol(), alert.type(), alert.runId()), alert,
                    (old, now) -> now.endTime().isBefore(old.endTime()) ? old : now);
        }
        if (episodes.size() > MAX_REMEMBERED) {
            forgetOldest();
        }
    }

    private EpisodeUpdate apply(Finding finding) {
        var v = finding.vector();
        var key = new Key(v.symbol(), finding.type(), v.runId());
        Instant t = v.eventTime();
        Alert current = episodes.get(key);
        boolean recovered = false;
        if (current == null || !overlaps(current, t)) {
            Optional<Alert> stored = store.findOverlapping(key.symbol(), key.type(), key.runId(),
                    t.minus(cooldown), t.plus(cooldown));
            if (stored.isPresent()) {
                current = stored.get();
                recovered = true;
            }
        }
        if (current == null || !overlaps(current, t)) {
            return new EpisodeUpdate(start(finding), true);
        }
        Alert merged = merge(current, finding);
        return new EpisodeUpdate(merged, recovered || worthWriting(current, merged));
    }

    /**
     * A grown episode is written when its peak changed, or when its end moved into a later minute: a step that
     * only extends the end by a second (one step a second while a move lasts) would otherwise rewrite and republish
     * the same alert every second. The stored end is at most a minute behind while the episode lasts.
     */
    private static boolean worthWriting(Alert current, Alert merged) {
        if (merged.equals(current)) {
            return false;
        }
        boolean peakChanged = merged.severity() != current.severity()
                || !merged.explanation().equals(current.explanation());
        long currentMinute = current.endTime().getEpochSecond() / 60;
        long mergedMinute = merged.endTime().getEpochSecond() / 60;
        return peakChanged || mergedMinute != currentMinute;
    }

    private boolean overlaps(Alert episode, Instant t) {
        return !t.isBefore(episode.eventTime().minus(cooldown)) && !t.isAfter(episode.endTime().plus(cooldown));
    }

    private Alert start(Finding f) {
        var v = f.vector();
        return new Alert(AlertIds.of(v.symbol(), f.type(), v.eventTime(), v.runId()), v.symbol(), f.type(),
                f.direction(), f.severity(), f.level(), v.eventTime(), v.eventTime(), v.price(), f.score(),
                f.modelVersion(), f.explanation(), clock.instant(), v.runId());
    }

    /** Same id and start; the later end; the peak's details when this finding is more severe. */
    private static Alert merge(Alert episode, Finding f) {
        var v = f.vector();
        Instant end = v.eventTime().isAfter(episode.endTime()) ? v.eventTime() : episode.endTime();
        if (f.severity() <= episode.severity()) {
            return new Alert(episode.alertId(), episode.symbol(), episode.type(), episode.direction(),
                    episode.severity(), episode.level(), episode.eventTime(), end, episode.price(), episode.score(),
                    episode.modelVersion(), episode.explanation(), episode.detectedAt(), episode.runId());
        }
        return new Alert(episode.alertId(), episode.symbol(), episode.type(), f.direction(), f.severity(),
                f.level(), episode.eventTime(), end, v.price(), f.score(), f.modelVersion(), f.explanation(),
                episode.detectedAt(), episode.runId());
    }

    private void forgetOldest() {
        episodes.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.comparing(Alert::endTime)))
                .limit(episodes.size() - MAX_REMEMBERED / 2)
                .map(Map.Entry::getKey)
                .toList()
                .forEach(episodes::remove);
    }

    private record Key(String symbol, AlertType type, String runId) {
    }
}
