package com.marketpulse.dashboard.market;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.marketpulse.api.contract.BarDto;
import com.marketpulse.api.contract.Portfolio;
import com.marketpulse.api.contract.SymbolQuote;
import com.marketpulse.dashboard.api.ApiClient;

/** Reads the quotes of a portfolio's coins from the API: latest prices and the last hour of one-minute bars. */
public final class QuoteSource {

    /** The window a card's change is measured over. */
    public static final Duration CHANGE_WINDOW = Duration.ofHours(1);

    private final ApiClient api;
    private final Clock clock;

    public QuoteSource(ApiClient api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    /** A coin's quote and the bars it was computed from (for its chart), oldest first. */
    public record Snapshot(CoinQuote quote, List<BarDto> bars) {
    }

    /** One snapshot per coin of the portfolio, in its order. Throws {@code ApiException} when the API fails. */
    public List<Snapshot> quotes(String token, Portfolio portfolio) {
        if (portfolio.symbols().isEmpty()) {
            return List.of();
        }
        Map<String, SymbolQuote> latest = api.symbols(token).stream()
                .collect(Collectors.toMap(SymbolQuote::symbol, Function.identity(), (a, b) -> a));
        Instant now = clock.instant();
        return portfolio.symbols().stream().map(symbol -> {
            var quote = latest.get(symbol);
            var bars = api.bars(token, symbol, now.minus(CHANGE_WINDOW), now, "1m");
            return new Snapshot(CoinQuote.of(symbol, quote == null ? null : quote.lastPrice(),
                    quote == null ? null : quote.lastTime(), bars, portfolio.quantities().get(symbol)), bars);
        }).toList();
    }
}
