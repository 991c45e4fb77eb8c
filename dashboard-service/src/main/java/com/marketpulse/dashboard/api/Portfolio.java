package com.marketpulse.dashboard.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The coins a user holds ({@code BTC/USD} form) and, optionally, how much of each.
 */
public record Portfolio(List<String> symbols, Map<String, Double> quantities) {

    public Portfolio {
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
        quantities = quantities == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(quantities));
    }

    public static Portfolio of(List<String> symbols) {
        return new Portfolio(symbols, Map.of());
    }
}
