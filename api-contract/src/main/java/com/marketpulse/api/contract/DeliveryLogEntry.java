package com.marketpulse.api.contract;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One delivery of an alert to one of the user's channels, with every attempt made.
 *
 * @param channelName   {@code null} once the channel was removed
 * @param test          a test alert the owner asked for, not a market alert
 * @param state         PENDING (due, retrying or held for quiet hours), SENT or FAILED (given up)
 * @param nextAttemptAt when a PENDING delivery is tried next
 * @param impact        the text of the holding's impact sent with it, when known
 * @param digest        set when this delivery is a quiet-hours digest: the alerts it carried in one message (then
 *                      {@code alertId} is the digest's own, {@code symbol}, {@code alertType} and {@code impact} are
 *                      {@code null}, and {@code explanation} says how many alerts it carried)
 */
@Schema(description = "One alert (or a quiet-hours digest of several) delivered or being delivered to one channel")
public record DeliveryLogEntry(
        @Schema(example = "0b8f5c1e-2f4e-4a51-9f4c-5b8e1c2d3a4f") String id,
        @Schema(example = "4") long channelId,
        @Schema(nullable = true, example = "ops webhook") String channelName,
        @Schema(nullable = true, example = "WEBHOOK") String channelType,
        @Schema(example = "3f0c2a9e-6b1d-3c55-9a51-2f0e8d6b7c41") String alertId,
        @Schema(nullable = true, example = "BTC/USD") String symbol,
        @Schema(nullable = true, example = "PRICE_SPIKE") String alertType,
        @Schema(example = "87") int severity,
        @Schema(nullable = true, example = "BTC/USD −4.8 % in 5 min") String explanation,
        @Schema(nullable = true, example = "your 0.8 BTC: −$3,450 in 4 min") String impact,
        boolean test,
        @Schema(example = "SENT") String state,
        @Schema(example = "2026-11-24T12:00:03.500Z") Instant createdAt,
        @Schema(nullable = true) Instant sentAt,
        @Schema(nullable = true) Instant nextAttemptAt,
        List<DeliveryAttempt> attempts,
        @Schema(nullable = true) Digest digest) {

    /**
     * The alerts quiet hours held for one channel, sent at their end as one message.
     *
     * @param heldUntil when the quiet hours ended
     * @param alerts    newest first
     */
    @Schema(name = "DeliveryDigest", description = "A quiet-hours digest: the alerts it carried in one message, "
            + "newest first")
    public record Digest(Instant heldUntil, List<CarriedAlert> alerts) {
    }

    /** @param impact the text of the holding's impact sent with it, when known */
    @Schema(name = "DigestAlert", description = "One alert a quiet-hours digest carried")
    public record CarriedAlert(
            String alertId,
            @Schema(example = "BTC/USD") String symbol,
            @Schema(example = "PRICE_SPIKE") String alertType,
            @Schema(nullable = true, example = "DOWN") String direction,
            @Schema(example = "72") int severity,
            Instant eventTime,
            @Schema(nullable = true, example = "your 0.8 BTC: −$2,737 in 4 min") String impact) {
    }

    /**
     * @param outcome    SENT, RETRY (tried again after a back-off) or FAILED
     * @param httpStatus the receiver's HTTP status, {@code null} when none came
     * @param detail     why it failed ("HTTP 503", "timeout", "refused: loopback address")
     */
    public record DeliveryAttempt(
            Instant at,
            @Schema(example = "RETRY") String outcome,
            @Schema(nullable = true, example = "503") Integer httpStatus,
            @Schema(nullable = true, example = "HTTP 503") String detail) {
    }
}
