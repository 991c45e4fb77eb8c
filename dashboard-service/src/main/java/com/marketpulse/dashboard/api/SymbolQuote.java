package com.marketpulse.dashboard.api;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A configured symbol with its latest traded price, if any trade was seen yet. */
public record SymbolQuote(String symbol, @Nullable Double lastPrice, @Nullable Instant lastTime) {
}
