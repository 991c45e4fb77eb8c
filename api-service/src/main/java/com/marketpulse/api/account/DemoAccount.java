package com.marketpulse.api.account;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.market.SymbolCatalog;
import com.marketpulse.api.portfolio.PortfolioService;

/**
 * The demo account {@code demo}/{@code demo123} holding BTC/USD, ETH/USD and SOL/USD, present only while
 * {@code MARKETPULSE_DEMO=true}; with the demo off, a demo account left from an earlier run is removed.
 */
@Component
class DemoAccount implements ApplicationRunner {

    static final String USERNAME = "demo";
    static final String PASSWORD = "demo123";
    static final List<String> HOLDINGS = List.of("BTC/USD", "ETH/USD", "SOL/USD");
    private static final Logger log = LoggerFactory.getLogger(DemoAccount.class);

    private final boolean enabled;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final PortfolioService portfolios;
    private final SymbolCatalog symbols;

    DemoAccount(MarketPulseProperties properties, UserRepository users, PasswordEncoder encoder,
                PortfolioService portfolios, SymbolCatalog symbols) {
        this.enabled = properties.api().demo();
        this.users = users;
        this.encoder = encoder;
        this.portfolios = portfolios;
        this.symbols = symbols;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            int removed = users.deleteDemoAccounts();
            if (removed > 0) {
                log.info("Demo is off (MARKETPULSE_DEMO): removed the demo account");
            }
            return;
        }
        var existing = users.findByUsername(USERNAME);
        if (existing.isPresent()) {
            if (!existing.get().demo()) {
                log.warn("Demo is on, but a regular account named '{}' exists; leaving it alone", USERNAME);
            }
            return;
        }
        users.create(USERNAME, encoder.encode(PASSWORD), true).ifPresent(demo -> {
            portfolios.hold(demo.id(), HOLDINGS.stream().filter(symbols.all()::contains).toList());
            log.info("Demo is on: created the demo account '{}' holding {}", USERNAME, HOLDINGS);
        });
    }
}
