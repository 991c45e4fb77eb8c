package com.marketpulse.dashboard.notification.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.marketpulse.api.contract.SymbolQuote;
import com.marketpulse.dashboard.api.ApiClient;
import com.marketpulse.dashboard.api.ApiException;

/** The coins an override can be made for: those the user holds first, then every other coin the API serves. */
final class OverrideCoins {

    /** A coin to choose and whether the user holds it. */
    record Coin(String symbol, boolean held) {

        String label() {
            return held ? symbol + " · in my portfolio" : symbol;
        }
    }

    private final ApiClient api;
    private final String token;

    OverrideCoins(ApiClient api, String token) {
        this.api = api;
        this.token = token;
    }

    /** @throws ApiException when the API cannot say */
    List<Coin> load() {
        Set<String> held = new TreeSet<>(api.portfolio(token).symbols());
        Set<String> others = new TreeSet<>();
        api.symbols(token).stream().map(SymbolQuote::symbol).filter(symbol -> !held.contains(symbol))
                .forEach(others::add);
        List<Coin> coins = new ArrayList<>();
        held.forEach(symbol -> coins.add(new Coin(symbol, true)));
        others.forEach(symbol -> coins.add(new Coin(symbol, false)));
        return coins;
    }
}
