package com.marketpulse.api.backtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.api.contract.BacktestComparison;
import com.marketpulse.api.contract.BacktestReport;
import com.marketpulse.api.contract.BarDto;

/** Builds a run's report and the comparison of two runs from detection's rows. */
@Component
class BacktestReports {

    /** The most bars one chart holds: the interval grows until the run fits. */
    static final int MAX_CHART_BARS = 2000;
    private static final List<Duration> INTERVALS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4), Duration.ofDays(1));

    private final BacktestResults results;

    BacktestReports(BacktestResults results) {
        this.results = results;
    }

    List<AlertDto> alerts(BacktestRepository.Job job) {
        return results.alerts(job.id());
    }

    BacktestReport report(BacktestRepository.Job job) {
        List<AlertDto> alerts = results.alerts(job.id());
        Scoring.Scores scores = Scoring.score(alerts, results.labels(job.id()));
        List<BacktestReport.Chart> charts = new ArrayList<>();
        for (BacktestResults.Span span : results.barSpans(job.id())) {
            Duration step = interval(span);
            List<BarDto> bars = results.bars(job.id(), span.symbol(), step);
            List<BacktestReport.Marker> markers = alerts.stream()
                    .filter(a -> a.symbol().equals(span.symbol()))
                    .map(a -> new BacktestReport.Marker(a.eventTime(), a.id(), a.type(), a.direction(), a.severity(),
                            a.explanation()))
                    .toList();
            charts.add(new BacktestReport.Chart(span.symbol(), label(step), bars, markers));
        }
        return new BacktestReport(job.view(), alerts.size(), scores.countsByType(), Scoring.perDay(alerts), charts,
                !scores.labels().isEmpty(), scores.byType(), scores.overall(), scores.missed());
    }

    BacktestComparison compare(BacktestRepository.Job a, BacktestRepository.Job b) {
        List<AlertDto> alertsA = results.alerts(a.id());
        List<AlertDto> alertsB = results.alerts(b.id());
        Scoring.Scores scoresA = Scoring.score(alertsA, results.labels(a.id()));
        Scoring.Scores scoresB = Scoring.score(alertsB, results.labels(b.id()));
        List<AlertDto> onlyA = Comparing.onlyIn(alertsA, alertsB);
        return new BacktestComparison(
                new BacktestComparison.Side(a.view(), alertsA.size(), scoresA.countsByType(), scoresA.byType(),
                        scoresA.overall(), onlyA),
                new BacktestComparison.Side(b.view(), alertsB.size(), scoresB.countsByType(), scoresB.byType(),
                        scoresB.overall(), Comparing.onlyIn(alertsB, alertsA)),
                alertsA.size() - onlyA.size());
    }

    /** The shortest interval that shows the symbol's whole run in at most {@value #MAX_CHART_BARS} bars. */
    static Duration interval(BacktestResults.Span span) {
        Duration length = Duration.between(span.first(), span.last()).plusMinutes(1);
        for (Duration step : INTERVALS) {
            if (length.dividedBy(step) <= MAX_CHART_BARS) {
                return step;
            }
        }
        return length.dividedBy(MAX_CHART_BARS).plusMinutes(1).truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                .plusHours(1);
    }

    static String label(Duration step) {
        if (step.toDays() > 0 && step.toHours() % 24 == 0) {
            return step.toDays() + "d";
        }
        return step.toHours() > 0 && step.toMinutes() % 60 == 0 ? step.toHours() + "h" : step.toMinutes() + "m";
    }
}
