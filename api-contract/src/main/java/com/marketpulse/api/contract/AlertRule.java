package com.marketpulse.api.contract;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a user wants to hear about a coin. In {@link AlertRules#defaults()} a missing field takes the shipped default;
 * in a per-coin override it takes the user's default.
 *
 * @param types              alert types to hear about: PRICE_SPIKE, VOLUME_ANOMALY, VOLATILITY_BURST (default all)
 * @param minSeverity        0–100 (default 0)
 * @param minMovePercent     the alert's price move, at least this many percent (default 0)
 * @param minImpact          the move's effect on the holding, at least this much money in the quote currency (default
 *                           0; a holding without a quantity is not held to it)
 * @param quietFrom          start of quiet hours, local time {@code HH:mm} in the user's time zone; alerts then are
 *                           held and sent together when quiet hours end; equal to {@code quietTo}: none (default)
 * @param quietTo            end of quiet hours, {@code HH:mm}
 * @param cooldownMinutes    after an alert of a coin and type is sent, the next of that coin and type within this
 *                           many minutes is not sent (default 30; 0 to 10080)…
 * @param furtherMovePercent …unless the price moved this many percent beyond the price last sent (default 0: never)
 * @param repeatWhenGrowing  send an alert again when its episode grows to a higher severity (default false)
 */
public record AlertRule(
        @Schema(nullable = true, example = "[\"PRICE_SPIKE\"]") List<String> types,
        @Schema(nullable = true, example = "40") Integer minSeverity,
        @Schema(nullable = true, example = "2.5") Double minMovePercent,
        @Schema(nullable = true, example = "500") Double minImpact,
        @Schema(nullable = true, example = "22:00") String quietFrom,
        @Schema(nullable = true, example = "07:00") String quietTo,
        @Schema(nullable = true, example = "30") Integer cooldownMinutes,
        @Schema(nullable = true, example = "3") Double furtherMovePercent,
        @Schema(nullable = true) Boolean repeatWhenGrowing) {
}
