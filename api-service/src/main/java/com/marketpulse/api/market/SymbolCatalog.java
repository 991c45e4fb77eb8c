package com.marketpulse.api.market;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.marketpulse.api.web.ApiException;
import com.marketpulse.events.Symbols;
import com.marketpulse.settings.MarketPulseSettings;

/** The configured symbols ({@code marketpulse.symbols}); turns client input into a known {@code BTC/USD}. */
@Component
public class SymbolCatalog {

    private final List<String> symbols;

    SymbolCatalog(MarketPulseSettings settings) {
        this.symbols = settings.symbols().stream().map(Symbols::normalize).distinct().toList();
    }

    /** The configured symbols in configuration order. */
    public List<String> all() {
        return symbols;
    }

    /**
     * Accepts {@code BTC/USD}, {@code BTC-USD} or {@code btc-usd}.
     *
     * @throws ApiException 400 when it is not a pair or not one of the configured symbols
     */
    public String require(String raw) {
        String symbol;
        try {
            symbol = Symbols.normalize(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Unknown symbol " + ApiException.shown(raw) + ": use one of " + symbols
                    + " (BTC-USD is accepted too).");
        }
        if (!symbols.contains(symbol)) {
            throw ApiException.badRequest("Unknown symbol " + ApiException.shown(raw) + ": use one of " + symbols + ".");
        }
        return symbol;
    }

    /** {@link #require} for each; order kept, duplicates dropped. */
    public List<String> requireAll(Collection<String> raw) {
        Set<String> known = new LinkedHashSet<>();
        for (String each : raw) {
            known.add(require(each));
        }
        return new ArrayList<>(known);
    }

    /** Sorts symbols into configuration order. */
    public List<String> inConfiguredOrder(Collection<String> some) {
        return symbols.stream().filter(some::contains).toList();
    }
}
