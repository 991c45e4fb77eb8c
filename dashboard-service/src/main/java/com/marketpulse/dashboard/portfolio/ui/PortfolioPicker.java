package com.marketpulse.dashboard.portfolio.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

import com.marketpulse.api.contract.Portfolio;
import com.marketpulse.api.contract.SymbolQuote;
import com.marketpulse.dashboard.api.ApiClient;
import com.marketpulse.dashboard.api.ApiException;
import com.marketpulse.dashboard.base.ui.Notifications;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;

/**
 * The coins the user holds, chosen from the configured symbols and saved at the API on every change (so the
 * choice is kept across logins).
 */
public final class PortfolioPicker extends Composite<MultiSelectComboBox<String>> {

    private final ApiClient api;
    private final String token;
    private final Consumer<Portfolio> onSaved;
    private Map<String, Double> quantities = Map.of();

    public PortfolioPicker(ApiClient api, String token, Consumer<Portfolio> onSaved) {
        this.api = api;
        this.token = token;
        this.onSaved = onSaved;
        var box = getContent();
        box.setId("portfolio-picker");
        box.setLabel("Coins I hold");
        box.setPlaceholder("Pick your coins");
        box.setClearButtonVisible(true);
        box.setSelectedItemsOnTop(true);
        box.setWidth("min(100%, 32em)");
        box.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                save(List.copyOf(new TreeSet<>(change.getValue())));
            }
        });
    }

    /** Loads the configured symbols and the saved portfolio; returns the portfolio (empty when it failed). */
    public Portfolio load() {
        var choices = new TreeSet<String>();
        Portfolio portfolio = Portfolio.of(List.of());
        try {
            api.symbols(token).stream().map(SymbolQuote::symbol).forEach(choices::add);
            portfolio = api.portfolio(token);
        } catch (ApiException e) {
            Notifications.error("Could not load your coins: " + e.userMessage());
        }
        choices.addAll(portfolio.symbols());
        quantities = portfolio.quantities();
        getContent().setItems(choices);
        getContent().setValue(new TreeSet<>(portfolio.symbols()));
        return portfolio;
    }

    private void save(List<String> symbols) {
        var kept = new HashMap<String, Double>();
        quantities.forEach((symbol, quantity) -> {
            if (symbols.contains(symbol)) {
                kept.put(symbol, quantity);
            }
        });
        var portfolio = new Portfolio(symbols, kept);
        try {
            api.savePortfolio(token, portfolio);
            quantities = portfolio.quantities();
            Notifications.success(symbols.isEmpty() ? "Portfolio cleared" : "Portfolio saved: " + String.join(", ", symbols));
            onSaved.accept(portfolio);
        } catch (ApiException e) {
            Notifications.error("Your portfolio was not saved. " + e.userMessage());
        }
    }
}
