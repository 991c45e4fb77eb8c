package com.marketpulse.api.backtest;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.api.contract.BacktestReport;
import com.marketpulse.detection.core.quality.Matching;
import com.marketpulse.events.AlertType;

/**
 * A run's alerts counted and scored against its labelled events by detection-core's {@link Matching}, the rule
 * {@code ./evaluate.sh} scores by: per type, precision = alerts of the type caused by a labelled event (of any kind)
 * / alerts of the type, recall = labels of the type found / labels of the type, and the median delay of those found.
 */
final class Scoring {

    /** Counts and scores of one run; {@code labels} carry their delay ({@code null}: missed). */
    record Scores(Map<AlertType, Long> countsByType, List<BacktestReport.Score> byType, BacktestReport.Score overall,
                  List<BacktestReport.LabelledEvent> labels) {

        List<BacktestReport.LabelledEvent> missed() {
            return labels.stream().filter(l -> l.delaySeconds() == null).toList();
        }
    }

    private Scoring() {
    }

    static Scores score(List<AlertDto> alerts, List<BacktestReport.LabelledEvent> labels) {
        List<Matching.Raised> raised = alerts.stream().map(Scoring::raised).toList();
        List<BacktestReport.LabelledEvent> judged = new ArrayList<>();
        for (BacktestReport.LabelledEvent label : labels) {
            Duration delay = Matching.delay(label(label), raised, Matching.GRACE);
            judged.add(new BacktestReport.LabelledEvent(label.symbol(), label.kind(), label.start(), label.end(),
                    label.magnitude(), delay == null ? null : delay.toSeconds()));
        }
        List<Matching.Label> asLabels = labels.stream().map(Scoring::label).toList();
        List<Boolean> caused = raised.stream()
                .map(a -> asLabels.stream().anyMatch(l -> Matching.overlaps(a, l, Matching.GRACE))).toList();
        List<BacktestReport.Score> byType = new ArrayList<>();
        if (!labels.isEmpty()) {
            for (AlertType type : AlertType.values()) {
                byType.add(score(type, alerts, caused, judged));
            }
        }
        return new Scores(counts(alerts), byType, labels.isEmpty() ? null : score(null, alerts, caused, judged),
                judged);
    }

    private static BacktestReport.Score score(AlertType type, List<AlertDto> alerts, List<Boolean> caused,
                                              List<BacktestReport.LabelledEvent> labels) {
        long ofType = 0;
        long causedOfType = 0;
        for (int i = 0; i < alerts.size(); i++) {
            if (type == null || alerts.get(i).type() == type) {
                ofType++;
                causedOfType += caused.get(i) ? 1 : 0;
            }
        }
        List<BacktestReport.LabelledEvent> expected = labels.stream()
                .filter(l -> type == null || l.kind() == type).toList();
        List<Duration> delays = expected.stream().filter(l -> l.delaySeconds() != null)
                .map(l -> Duration.ofSeconds(l.delaySeconds())).toList();
        return new BacktestReport.Score(type, ofType, causedOfType, ofType == 0 ? null : (double) causedOfType / ofType,
                expected.size(), delays.size(), expected.isEmpty() ? null : (double) delays.size() / expected.size(),
                Matching.medianSeconds(delays));
    }

    static Map<AlertType, Long> counts(List<AlertDto> alerts) {
        Map<AlertType, Long> counts = new EnumMap<>(AlertType.class);
        for (AlertType type : AlertType.values()) {
            counts.put(type, 0L);
        }
        alerts.forEach(a -> counts.merge(a.type(), 1L, Long::sum));
        return counts;
    }

    /** Alerts per UTC day of their event time, days without alerts left out. */
    static List<BacktestReport.DayCount> perDay(List<AlertDto> alerts) {
        Map<LocalDate, List<AlertDto>> byDay = new TreeMap<>();
        alerts.forEach(a -> byDay.computeIfAbsent(LocalDate.ofInstant(a.eventTime(), ZoneOffset.UTC),
                d -> new ArrayList<>()).add(a));
        return byDay.entrySet().stream()
                .map(e -> new BacktestReport.DayCount(e.getKey(), e.getValue().size(), counts(e.getValue())))
                .toList();
    }

    private static Matching.Raised raised(AlertDto alert) {
        // detection's episodes open at the event time of the grid step that first raised them
        return new Matching.Raised(alert.symbol(), alert.type(), alert.eventTime(), alert.endTime());
    }

    private static Matching.Label label(BacktestReport.LabelledEvent label) {
        return new Matching.Label(label.symbol(), label.kind(), label.start(), label.end());
    }
}
