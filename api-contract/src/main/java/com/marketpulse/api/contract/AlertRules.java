package com.marketpulse.api.contract;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A user's alert rules: defaults for every coin and per-coin overrides. Request and response of
 * {@code /api/me/alert-rules}; the response has every default field filled in.
 *
 * @param timeZone  an IANA zone ({@code Europe/Berlin}) quiet hours are read in; default UTC
 * @param defaults  the rule for every coin
 * @param overrides by symbol ({@code BTC/USD}, {@code BTC-USD} accepted on input): only the fields that differ
 */
public record AlertRules(
        @Schema(nullable = true, example = "Europe/Berlin") String timeZone,
        @Schema(nullable = true) AlertRule defaults,
        @Schema(nullable = true) Map<String, AlertRule> overrides) {

    public AlertRules {
        overrides = overrides == null ? Map.of() : overrides;
    }
}
