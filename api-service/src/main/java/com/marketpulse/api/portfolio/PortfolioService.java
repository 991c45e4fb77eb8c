package com.marketpulse.api.portfolio;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.marketpulse.api.contract.Portfolio;
import com.marketpulse.api.market.SymbolCatalog;
import com.marketpulse.api.web.ApiException;

/** Reads and replaces one user's portfolio; the user id always comes from the verified token, never from input. */
@Service
public class PortfolioService {

    static final double MAX_QUANTITY = 1e15;

    private final PortfolioRepository repository;
    private final SymbolCatalog catalog;
    private final ApplicationEventPublisher events;

    PortfolioService(PortfolioRepository repository, SymbolCatalog catalog, ApplicationEventPublisher events) {
        this.repository = repository;
        this.catalog = catalog;
        this.events = events;
    }

    /** The symbols the user holds, in configured order. */
    public List<String> symbolsOf(long userId) {
        return catalog.inConfiguredOrder(repository.symbols(userId));
    }

    @Transactional(readOnly = true)
    public Portfolio of(long userId) {
        Map<String, Double> holdings = repository.holdings(userId);
        List<String> symbols = catalog.inConfiguredOrder(holdings.keySet());
        Map<String, Double> quantities = new LinkedHashMap<>();
        symbols.forEach(symbol -> {
            if (holdings.get(symbol) != null) {
                quantities.put(symbol, holdings.get(symbol));
            }
        });
        return new Portfolio(symbols, quantities);
    }

    /**
     * Validates and stores the portfolio in place of the old one.
     *
     * @throws ApiException 400 on an unknown symbol or a bad quantity
     */
    @Transactional
    public Portfolio replace(long userId, Portfolio requested) {
        if (requested == null || requested.symbols() == null) {
            throw ApiException.badRequest("The body must name the coins held: {\"symbols\": [\"BTC/USD\", ...]}.");
        }
        List<String> symbols = catalog.requireAll(requested.symbols());
        Map<String, Double> holdings = new LinkedHashMap<>();
        symbols.forEach(symbol -> holdings.put(symbol, null));
        Map<String, Double> quantities = requested.quantities() == null ? Map.of() : requested.quantities();
        Map<String, Double> seen = new HashMap<>();
        quantities.forEach((raw, quantity) -> {
            String symbol = catalog.require(raw);
            if (!holdings.containsKey(symbol)) {
                throw ApiException.badRequest("A quantity is given for " + symbol + ", which is not in 'symbols'.");
            }
            if (quantity != null && (!Double.isFinite(quantity) || quantity < 0 || quantity > MAX_QUANTITY)) {
                throw ApiException.badRequest("The quantity of " + symbol + " must be a number from 0 to 1e15.");
            }
            if (seen.put(symbol, quantity) != null) {
                throw ApiException.badRequest("The quantity of " + symbol + " is given twice.");
            }
            holdings.put(symbol, quantity);
        });
        repository.replace(userId, holdings);
        Portfolio saved = of(userId);
        events.publishEvent(new PortfolioChanged(userId, symbols, saved.quantities()));
        return saved;
    }

    /** Sets the portfolio without a quantity, e.g. for a seeded account. */
    @Transactional
    public void hold(long userId, List<String> symbols) {
        Map<String, Double> holdings = new LinkedHashMap<>();
        catalog.requireAll(symbols).forEach(symbol -> holdings.put(symbol, null));
        repository.replace(userId, holdings);
    }
}
