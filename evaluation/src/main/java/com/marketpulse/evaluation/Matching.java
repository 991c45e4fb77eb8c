package com.marketpulse.evaluation;

import com.marketpulse.events.AlertType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Matches the alerts of one labelled stream against its labels.
 * <p>
 * The window of a label is {@code [start, end + grace]}: the injected effect plus a short grace for the feature
 * windows to show it. An alert (episode {@code [first finding, latest finding]}) <em>matches</em> a label when it
 * has the same symbol and type and its episode overlaps the label's window.
 * <ul>
 *   <li>A label is <em>detected</em> when at least one alert matches it; recall = detected / labels.</li>
 *   <li>An alert is a <em>true positive</em> when it matches at least one label; a <em>cross-type</em> alert when it
 *       matches none but overlaps the window of a label of the same symbol and another type (the event was seen
 *       and named differently, e.g. a volatility burst during a volume anomaly); otherwise a <em>false
 *       positive</em>. Precision = true / (true + false), cross-type alerts being counted apart, not as false.</li>
 *   <li>The delay of a detected label runs from its start to the first finding of its symbol and type inside its
 *       window, in ticks of that symbol and in event time. A label matched only by an episode that spans its window
 *       without a finding inside it has no delay.</li>
 * </ul>
 * Streams of different seeds must be matched apart (they share symbols and times) and their metrics added.
 */
public final class Matching {

    private final Duration grace;

    public Matching(Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative: " + grace);
        }
        this.grace = grace;
    }

    /** Metrics of every type, in {@link AlertType} order. */
    public Map<AlertType, TypeMetrics> match(Recording recording) {
        Map<Key, List<Detection>> findings = new HashMap<>();
        for (Detection d : recording.detections()) {
            findings.computeIfAbsent(new Key(d.symbol(), d.type()), k -> new ArrayList<>()).add(d);
        }
        findings.values().forEach(list -> list.sort(Comparator.comparing(Detection::time)));
        Map<String, List<Labelled>> labelsBySymbol = new HashMap<>();
        for (Labelled label : recording.labels()) {
            labelsBySymbol.computeIfAbsent(label.symbol(), s -> new ArrayList<>()).add(label);
        }
        Map<AlertType, TypeMetrics> metrics = new EnumMap<>(AlertType.class);
        for (AlertType type : AlertType.values()) {
            metrics.put(type, TypeMetrics.empty(type));
        }
        for (Labelled label : recording.labels()) {
            metrics.merge(label.type(), ofLabel(label, recording.episodes(), findings), TypeMetrics::plus);
        }
        for (Episode episode : recording.episodes()) {
            metrics.merge(episode.type(), ofAlert(episode, labelsBySymbol.getOrDefault(episode.symbol(), List.of())),
                    TypeMetrics::plus);
        }
        return metrics;
    }

    private TypeMetrics ofLabel(Labelled label, List<Episode> episodes, Map<Key, List<Detection>> findings) {
        Instant until = windowEnd(label);
        boolean detected = episodes.stream().anyMatch(e -> e.symbol().equals(label.symbol())
                && e.type() == label.type() && e.overlaps(label.start(), until));
        if (!detected) {
            return new TypeMetrics(label.type(), 1, 0, 0, 0, 0, List.of(), List.of());
        }
        Detection first = firstAtOrAfter(findings.getOrDefault(new Key(label.symbol(), label.type()), List.of()),
                label.start());
        if (first == null || first.time().isAfter(until)) {
            return new TypeMetrics(label.type(), 1, 1, 0, 0, 0, List.of(), List.of());
        }
        return new TypeMetrics(label.type(), 1, 1, 0, 0, 0, List.of(first.tick() - label.startTick()),
                List.of(Duration.between(label.start(), first.time())));
    }

    private TypeMetrics ofAlert(Episode episode, List<Labelled> labelsOfSymbol) {
        boolean sameType = false;
        boolean otherType = false;
        for (Labelled label : labelsOfSymbol) {
            if (episode.overlaps(label.start(), windowEnd(label))) {
                sameType |= label.type() == episode.type();
                otherType |= label.type() != episode.type();
            }
        }
        int truePositive = sameType ? 1 : 0;
        int crossType = !sameType && otherType ? 1 : 0;
        int falsePositive = !sameType && !otherType ? 1 : 0;
        return new TypeMetrics(episode.type(), 0, 0, truePositive, crossType, falsePositive, List.of(), List.of());
    }

    private Instant windowEnd(Labelled label) {
        return label.end().plus(grace);
    }

    /** The first finding at or after {@code from} in a list sorted by time (binary search). */
    private static Detection firstAtOrAfter(List<Detection> sorted, Instant from) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted.get(mid).time().isBefore(from)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low < sorted.size() ? sorted.get(low) : null;
    }

    private record Key(String symbol, AlertType type) {
        Key {
            Objects.requireNonNull(symbol);
        }
    }
}
