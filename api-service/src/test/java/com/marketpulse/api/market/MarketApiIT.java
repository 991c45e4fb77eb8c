package com.marketpulse.api.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.marketpulse.api.ApiIntegrationTest;
import com.marketpulse.api.Http;

class MarketApiIT extends ApiIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    @BeforeEach
    void tenMinutesOfBitcoin() {
        jdbc.sql("DELETE FROM detection.bars").update();
        for (int i = 0; i < 10; i++) {
            bar("BTC/USD", T0.plusSeconds(60L * i), 100 + i, 110 + i, 90 + i, 101 + i, 1.5, 10, "");
        }
        // a backtest bar, later than every live one, must never show
        bar("BTC/USD", T0.plusSeconds(3600), 5, 5, 5, 5, 1, 1, "run-1");
    }

    @Test
    void listsTheConfiguredSymbolsWithTheLatestLivePrice() {
        Http.Response response = http.get("/api/symbols");

        assertThat(response.status()).isEqualTo(200);
        JsonNode btc = response.json().get(0);
        assertThat(btc.get("symbol").asString()).isEqualTo("BTC/USD");
        assertThat(btc.get("path").asString()).isEqualTo("BTC-USD");
        assertThat(btc.get("lastPrice").asDouble()).isEqualTo(110.0);
        assertThat(btc.get("lastTime").asString()).isEqualTo("2026-11-23T12:10:00Z");
        JsonNode sol = response.json().get(2);
        assertThat(sol.get("symbol").asString()).isEqualTo("SOL/USD");
        assertThat(sol.get("lastPrice").isNull()).isTrue();
    }

    @Test
    void returnsOneMinuteBarsInTheRangeOldestFirst() {
        JsonNode bars = http.get("/api/symbols/BTC-USD/bars?from=2026-11-23T12:02:00Z&to=2026-11-23T12:05:00Z").json();

        assertThat(bars.isArray()).isTrue();
        assertThat(bars.size()).isEqualTo(3);
        assertThat(bars.get(0).get("start").asString()).isEqualTo("2026-11-23T12:02:00Z");
        assertThat(bars.get(0).get("end").asString()).isEqualTo("2026-11-23T12:03:00Z");
        assertThat(bars.get(2).get("close").asDouble()).isEqualTo(105.0);
    }

    @Test
    void aggregatesToLongerIntervals() {
        JsonNode bars = http.get("/api/symbols/btc-usd/bars?from=2026-11-23T12:00:00Z&to=2026-11-23T12:10:00Z&interval=5m")
                .json();

        assertThat(bars.size()).isEqualTo(2);
        JsonNode first = bars.get(0);
        assertThat(first.get("start").asString()).isEqualTo("2026-11-23T12:00:00Z");
        assertThat(first.get("end").asString()).isEqualTo("2026-11-23T12:05:00Z");
        assertThat(first.get("open").asDouble()).isEqualTo(100.0);
        assertThat(first.get("close").asDouble()).isEqualTo(105.0);
        assertThat(first.get("high").asDouble()).isEqualTo(114.0);
        assertThat(first.get("low").asDouble()).isEqualTo(90.0);
        assertThat(first.get("volume").asDouble()).isEqualTo(7.5);
        assertThat(first.get("trades").asLong()).isEqualTo(50);
    }

    @Test
    void refusesBadBarRequestsWithProblems() {
        assertProblem("/api/symbols/DOGE-USD/bars", "DOGE-USD");
        assertProblem("/api/symbols/BTC-USD/bars?interval=7m", "interval");
        assertProblem("/api/symbols/BTC-USD/bars?from=2026-11-23T13:00:00Z&to=2026-11-23T12:00:00Z", "before");
        assertProblem("/api/symbols/BTC-USD/bars?from=2026-11-01T00:00:00Z&to=2026-11-23T00:00:00Z", "at most");
        assertProblem("/api/symbols/BTC-USD/bars?from=noon", "from");
    }

    private void assertProblem(String path, String mentioned) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains(mentioned);
    }

    private void bar(String symbol, Instant start, double open, double high, double low, double close, double volume,
                     long trades, String runId) {
        jdbc.sql("""
                        INSERT INTO detection.bars (symbol, start_time, end_time, open, high, low, close, volume, trades,
                                                    run_id)
                        VALUES (:symbol, :start, :end, :open, :high, :low, :close, :volume, :trades, :runId)""")
                .param("symbol", symbol).param("start", Timestamp.from(start))
                .param("end", Timestamp.from(start.plusSeconds(60))).param("open", open).param("high", high)
                .param("low", low).param("close", close).param("volume", volume).param("trades", trades)
                .param("runId", runId)
                .update();
    }
}
