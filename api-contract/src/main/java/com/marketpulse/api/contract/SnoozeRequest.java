package com.marketpulse.api.contract;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Snooze a coin: no alert of it is sent for {@code minutes}. Name the coin, or the alert the snooze is made from.
 *
 * @param symbol  the coin ({@code BTC/USD} or {@code BTC-USD}); or
 * @param alertId an alert of the coin (its symbol is used)
 * @param minutes 1 to 43200 (30 days); 0 ends a snooze
 */
public record SnoozeRequest(
        @Schema(nullable = true, example = "BTC/USD") String symbol,
        @Schema(nullable = true) String alertId,
        @Schema(example = "60") int minutes) {
}
