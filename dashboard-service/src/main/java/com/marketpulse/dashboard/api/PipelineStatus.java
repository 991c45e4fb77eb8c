package com.marketpulse.dashboard.api;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The pipeline's health as {@code GET /api/status} reports it.
 *
 * @param status       UP when every stage is up, DEGRADED otherwise
 * @param modelVersion the detector model of the latest live alert
 */
public record PipelineStatus(
        String status,
        @Nullable Instant checkedAt,
        List<Stage> stages,
        List<SymbolFreshness> symbols,
        @Nullable String modelVersion,
        long alertsLastHour,
        List<ConsumerLag> consumerLag) {

    public PipelineStatus {
        stages = stages == null ? List.of() : List.copyOf(stages);
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
        consumerLag = consumerLag == null ? List.of() : List.copyOf(consumerLag);
    }

    /** One service or backing system: UP, DOWN or UNKNOWN. */
    public record Stage(String name, String status, @Nullable String detail) {
    }

    /** When data of a symbol last arrived; {@code lastTickAgeSeconds} is null before any. */
    public record SymbolFreshness(String symbol, @Nullable Instant lastBarTime, @Nullable Instant lastAlertTime,
            @Nullable Long lastTickAgeSeconds) {
    }

    /** Records a consumer group has not consumed yet, per topic. */
    public record ConsumerLag(String group, String topic, long lag) {
    }
}
