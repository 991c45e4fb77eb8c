package com.marketpulse.api.contract;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The coins a user holds. Request and response of {@code /api/me/portfolio}.
 *
 * @param symbols    the pairs held, {@code BTC/USD} ({@code BTC-USD} accepted on input)
 * @param quantities optional amounts held, by symbol; every key must be in {@code symbols}. Absent or null on
 *                   input reads as none: an empty map.
 */
public record Portfolio(
        @Schema(example = "[\"BTC/USD\", \"ETH/USD\"]") List<String> symbols,
        @Schema(example = "{\"BTC/USD\": 0.5}", nullable = true) Map<String, Double> quantities) {

    public Portfolio {
        quantities = quantities == null ? Map.of() : quantities;
    }

    /** Holding these symbols, with no amounts. */
    public static Portfolio of(List<String> symbols) {
        return new Portfolio(symbols, Map.of());
    }
}
