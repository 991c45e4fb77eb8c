package com.marketpulse.api.contract;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What an alert's move did to the signed-in user's holding of the coin, in the quote currency (alert-rules' Impact,
 * as delivery-service sends it to the user's channels).
 *
 * @param quantity how much of the coin the user holds
 * @param amount   the signed change of the holding's value over the move, rounded to cents
 * @param minutes  the minutes the move took
 * @param text     the sentence shown beside the alert
 */
@Schema(description = "The move's effect on the caller's holding")
public record HoldingImpact(
        @Schema(example = "0.8") double quantity,
        @Schema(example = "-3450.12") double amount,
        @Schema(example = "USD") String currency,
        @Schema(example = "4") int minutes,
        @Schema(example = "your 0.8 BTC: −$3,450 in 4 min") String text) {
}
