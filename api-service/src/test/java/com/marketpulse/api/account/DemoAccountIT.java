package com.marketpulse.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.marketpulse.api.ApiIntegrationTest;
import com.marketpulse.api.Http;
import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.market.SymbolCatalog;
import com.marketpulse.api.portfolio.PortfolioService;

class DemoAccountIT extends ApiIntegrationTest {

    @Autowired
    MarketPulseProperties properties;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    PortfolioService portfolios;
    @Autowired
    SymbolCatalog symbols;

    @Test
    void theDemoAccountExistsOnlyWhileTheDemoIsOn() {
        try {
            demo(false).run(null);
            assertThat(users.findByUsername("demo")).isEmpty();
            assertThat(http.post("/api/auth/login", "{\"username\":\"demo\",\"password\":\"demo123\"}", null)
                    .status()).isEqualTo(401);
        } finally {
            demo(true).run(null);
        }
        String token = http.login("demo", "demo123");
        assertThat(http.get("/api/me/portfolio", token).json().get("symbols").size()).isEqualTo(3);
    }

    private DemoAccount demo(boolean on) {
        MarketPulseProperties.Api api = properties.api();
        var switched = new MarketPulseProperties(
                new MarketPulseProperties.Api(on, api.tokenSecret(), api.dataDir(), api.tokenTtl(), api.maxBodyBytes(),
                        api.throttle(), api.status(), api.stream(), api.backtests(), api.delivery()));
        return new DemoAccount(switched, users, encoder, portfolios, symbols);
    }

    @Test
    void demoUserIsSeededWithThreeCoinsAndCanSignIn() {
        Http.Response login = http.post("/api/auth/login", "{\"username\":\"demo\",\"password\":\"demo123\"}", null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("token").asString()).isNotBlank();
        assertThat(login.json().get("expiresAt").asString()).isNotBlank();
        String token = login.json().get("token").asString();

        Http.Response me = http.get("/api/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("demo");

        Http.Response portfolio = http.get("/api/me/portfolio", token);
        assertThat(portfolio.status()).isEqualTo(200);
        assertThat(portfolio.json().get("symbols").toString()).isEqualTo("[\"BTC/USD\",\"ETH/USD\",\"SOL/USD\"]");
        assertThat(portfolio.json().get("quantities").size()).as("no quantities were given").isZero();
    }

    @Test
    void portfolioIsKeptAcrossLogins() {
        String first = http.login("demo", "demo123");
        Http.Response put = http.put("/api/me/portfolio",
                "{\"symbols\":[\"BTC-USD\",\"SOL/USD\"],\"quantities\":{\"BTC/USD\":0.5}}", first);
        assertThat(put.status()).isEqualTo(200);

        String second = http.login("demo", "demo123");
        Http.Response portfolio = http.get("/api/me/portfolio", second);
        assertThat(portfolio.json().get("symbols").toString()).isEqualTo("[\"BTC/USD\",\"SOL/USD\"]");
        assertThat(portfolio.json().get("quantities").get("BTC/USD").asDouble()).isEqualTo(0.5);
        assertThat(portfolio.json().get("quantities").has("SOL/USD")).as("SOL/USD has no quantity").isFalse();

        http.put("/api/me/portfolio", "{\"symbols\":[\"BTC/USD\",\"ETH/USD\",\"SOL/USD\"]}", second);
    }
}
