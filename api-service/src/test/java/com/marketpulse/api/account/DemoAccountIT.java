package com.marketpulse.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.marketpulse.api.ApiIntegrationTest;
import com.marketpulse.api.Http;

class DemoAccountIT extends ApiIntegrationTest {

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

        http.put("/api/me/portfolio", "{\"symbols\":[\"BTC/USD\",\"ETH/USD\",\"SOL/USD\"]}", second);
    }
}
