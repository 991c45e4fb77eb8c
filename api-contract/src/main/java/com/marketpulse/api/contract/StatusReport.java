package com.marketpulse.api.contract;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Health of the pipeline.
 *
 * @param status         UP when every stage is up, DEGRADED otherwise
 * @param stages         each service and backing system with UP, DOWN or UNKNOWN
 * @param symbols        per configured symbol: when data last arrived
 * @param modelVersion   the detector model in use: the newest stored model ('v' || version), else the model
 *                       named by the latest live alert; null before either exists
 * @param alertsLastHour live alerts first detected in the last hour
 * @param consumerLag    records not yet consumed, per consumer group and topic (empty when Kafka is unreachable)
 * @param partitionOwners which instance owns which partitions: every member of every consumer group (feature-service's
 *                       Kafka Streams application too), with the partitions it is assigned now; a member with none is
 *                       idle or a standby (ingestion's source lease); empty when Kafka is unreachable
 */
public record StatusReport(
        @Schema(example = "UP", allowableValues = {"UP", "DEGRADED"}) String status,
        Instant checkedAt,
        List<Stage> stages,
        List<SymbolFreshness> symbols,
        @Schema(nullable = true, example = "iforest-20261124T115500Z") @Nullable String modelVersion,
        long alertsLastHour,
        List<ConsumerLag> consumerLag,
        List<PartitionOwner> partitionOwners) {

    public record Stage(
            @Schema(example = "detection-service") String name,
            @Schema(example = "UP", allowableValues = {"UP", "DOWN", "UNKNOWN"}) String status,
            @Schema(nullable = true, example = "http://localhost:8083/actuator/health answered 200") @Nullable String detail) {
    }

    /**
     * @param lastTickAgeSeconds seconds since the newest of the last bar's end and the last alert's end time;
     *                           null when neither exists
     */
    public record SymbolFreshness(
            @Schema(example = "BTC/USD") String symbol,
            @Schema(nullable = true) @Nullable Instant lastBarTime,
            @Schema(nullable = true) @Nullable Instant lastAlertTime,
            @Schema(nullable = true, example = "4") @Nullable Long lastTickAgeSeconds) {
    }

    public record ConsumerLag(
            @Schema(example = "feature-service") String group,
            @Schema(example = "market.crypto") String topic,
            @Schema(example = "12") long lag) {
    }

    /**
     * @param member     the member's Kafka client id, which names the instance ({@code detection-service-2-0};
     *                   Kafka Streams adds its thread: {@code feature-service-2-StreamThread-1-consumer})
     * @param host       where the member connects from
     * @param partitions its partitions now, as {@code topic-partition}, sorted
     */
    public record PartitionOwner(
            @Schema(example = "detection-scorer") String group,
            @Schema(example = "detection-service-2-0") String member,
            @Schema(example = "/127.0.0.1") String host,
            List<String> partitions) {
    }
}
