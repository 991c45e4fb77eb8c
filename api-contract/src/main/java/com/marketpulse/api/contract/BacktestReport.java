package com.marketpulse.api.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;

/**
 * What a backtest would have told: its alerts counted per type and per UTC day, each symbol's price chart with the
 * alerts as markers, and, where the input carried labels, how well they were found (the matching rule of
 * {@code ./evaluate.sh}: a label is found by the first alert of its type raised between its start and 5 minutes
 * after its end; an alert is caused by a label when it is raised or lasts within that window).
 */
@Schema(description = "The report of a backtest run")
public record BacktestReport(
        Backtest run,
        @Schema(example = "14") long alerts,
        @Schema(description = "alerts per type, every type listed") Map<AlertType, Long> countsByType,
        @Schema(description = "alerts per UTC day of their event time, days without alerts left out") List<DayCount> perDay,
        @Schema(description = "one chart per symbol the run replayed") List<Chart> charts,
        @Schema(description = "whether the input carried labelled events (then scores and missed are filled)")
        boolean labelled,
        @Schema(description = "per alert type; empty without labels") List<Score> scores,
        @Schema(nullable = true, description = "every type together; null without labels") @Nullable Score overall,
        @Schema(description = "labelled events no alert of their type found") List<LabelledEvent> missed) {

    public record DayCount(
            @Schema(example = "2024-11-12") LocalDate day,
            @Schema(example = "3") long alerts,
            Map<AlertType, Long> byType) {
    }

    /**
     * @param interval the bars' length, chosen so that a chart holds at most 2,000 bars
     */
    public record Chart(
            @Schema(example = "DOT/USD") String symbol,
            @Schema(example = "15m") String interval,
            List<BarDto> bars,
            List<Marker> markers) {
    }

    /** An alert drawn on the chart at its event time. */
    public record Marker(
            @Schema(example = "2024-11-12T14:03:00Z") Instant time,
            String alertId,
            @Schema(example = "PRICE_SPIKE") AlertType type,
            @Schema(example = "DOWN") Direction direction,
            @Schema(example = "71") int severity,
            @Schema(example = "DOT/USD −5.2 % in 5 min") String text) {
    }

    /**
     * @param type               the alert type ({@code null} in {@code overall}: every type)
     * @param alerts             alerts of the type
     * @param caused             of them, raised or lasting within a labelled event's window
     * @param precision          caused / alerts ({@code null} without alerts)
     * @param labels             labelled events expecting the type
     * @param found              of them, found by an alert of the type
     * @param recall             found / labels ({@code null} without labels)
     * @param medianDelaySeconds from a found event's start to the alert that found it
     */
    public record Score(
            @Schema(nullable = true, example = "PRICE_SPIKE") @Nullable AlertType type,
            @Schema(example = "12") long alerts,
            @Schema(example = "11") long caused,
            @Schema(nullable = true, example = "0.917") @Nullable Double precision,
            @Schema(example = "10") long labels,
            @Schema(example = "10") long found,
            @Schema(nullable = true, example = "1.0") @Nullable Double recall,
            @Schema(nullable = true, example = "62") @Nullable Long medianDelaySeconds) {
    }

    /**
     * @param delaySeconds from its start to the alert that found it; {@code null} when missed
     */
    public record LabelledEvent(
            @Schema(example = "DOT/USD") String symbol,
            @Schema(example = "PRICE_SPIKE") AlertType kind,
            @Schema(example = "2024-11-12T14:00:30Z") Instant start,
            @Schema(example = "2024-11-12T14:05:30Z") Instant end,
            @Schema(example = "-0.05") double magnitude,
            @Schema(nullable = true, example = "150") @Nullable Long delaySeconds) {
    }
}
