package com.marketpulse.api.market;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.marketpulse.api.contract.BarDto;
import com.marketpulse.api.contract.SymbolQuote;
import com.marketpulse.api.web.ApiException;
import com.marketpulse.api.web.TimeParameter;
import com.marketpulse.events.Symbols;

@RestController
@Tag(name = "Market", description = "Configured symbols, last prices and OHLCV bars")
class MarketController {

    static final int MAX_BARS = 2000;
    static final Duration DEFAULT_SPAN = Duration.ofHours(6);

    private final SymbolCatalog catalog;
    private final BarRepository bars;
    private final Clock clock;

    MarketController(SymbolCatalog catalog, BarRepository bars, Clock clock) {
        this.catalog = catalog;
        this.bars = bars;
        this.clock = clock;
    }

    @GetMapping("/api/symbols")
    @Operation(summary = "Configured symbols with the last price and time (from the latest one-minute bar)")
    List<SymbolQuote> symbols() {
        return catalog.all().stream()
                .map(symbol -> bars.latest(symbol).orElse(new SymbolQuote(symbol, Symbols.toPath(symbol), null, null)))
                .toList();
    }

    @GetMapping("/api/symbols/{symbol}/bars")
    @Operation(summary = "OHLCV bars for charts, oldest first",
            description = "A JSON array of the bars whose start lies in [from, to), aggregated to the interval. "
                    + "Defaults: the last 6 hours at 1m. At most " + MAX_BARS + " bars per request.")
    List<BarDto> bars(
            @Parameter(description = "BTC-USD (BTC/USD URL-encoded is accepted too)", example = "BTC-USD")
            @PathVariable String symbol,
            @Parameter(description = "ISO-8601, default: `to` minus 6 hours", example = "2026-11-24T06:00:00Z")
            @RequestParam(required = false) String from,
            @Parameter(description = "ISO-8601, default: now", example = "2026-11-24T12:00:00Z")
            @RequestParam(required = false) String to,
            @Parameter(description = "one of 1m, 5m, 15m, 1h, 4h, 1d", example = "1m")
            @RequestParam(required = false, defaultValue = "1m") String interval) {
        String pair = catalog.require(symbol);
        BarInterval step;
        try {
            step = BarInterval.parse(interval);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Parameter 'interval' must be one of " + BarInterval.labels() + ", got "
                    + ApiException.shown(interval) + ".");
        }
        Instant givenEnd = TimeParameter.parse("to", to);
        Instant end = givenEnd == null ? clock.instant() : givenEnd;
        Instant givenStart = TimeParameter.parse("from", from);
        Instant start = givenStart == null ? end.minus(DEFAULT_SPAN) : givenStart;
        if (!start.isBefore(end)) {
            throw ApiException.badRequest("Parameter 'from' must be before 'to'.");
        }
        long count = Duration.between(start, end).dividedBy(step.length());
        if (count > MAX_BARS) {
            throw ApiException.badRequest("That range holds " + count + " bars of " + step.label() + "; at most "
                    + MAX_BARS + " per request: narrow the range or choose a longer interval.");
        }
        return bars.bars(pair, step, start, end);
    }
}
