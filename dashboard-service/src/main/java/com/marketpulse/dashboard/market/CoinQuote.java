package com.marketpulse.dashboard.market;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.marketpulse.api.contract.BarDto;


/**
 * What a coin card shows: the latest price, its change over the bars read (the last hour), and the value of
 * the user's holding.
 *
 * @param changePercent change from the first bar's open to the latest price, in percent; null without bars
 * @param quantity      how much the user holds; null when not given
 */
public record CoinQuote(String symbol, @Nullable Double price, @Nullable Instant time, @Nullable Double changePercent,
        @Nullable Double quantity) {

    /** Builds a quote from the API's latest price (may be missing) and the recent bars (oldest first). */
    public static CoinQuote of(String symbol, @Nullable Double lastPrice, @Nullable Instant lastTime, List<BarDto> bars,
            @Nullable Double quantity) {
        Double price = lastPrice;
        Instant time = lastTime;
        if (price == null && !bars.isEmpty()) {
            price = bars.getLast().close();
            time = bars.getLast().start();
        }
        Double change = null;
        if (price != null && !bars.isEmpty() && bars.getFirst().open() > 0) {
            change = (price - bars.getFirst().open()) / bars.getFirst().open() * 100.0;
        }
        return new CoinQuote(symbol, price, time, change, quantity);
    }

    /** Quantity × price, when both are known. */
    public Optional<Double> holdingValue() {
        return price == null || quantity == null ? Optional.empty() : Optional.of(price * quantity);
    }
}
