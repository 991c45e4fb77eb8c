package com.marketpulse.ingestion.alpaca;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TradeDeduplicatorTest {

    static AlpacaMessage.Trade trade(String symbol, long id, int second) {
        return new AlpacaMessage.Trade(symbol, 100, 1, Instant.parse("2026-01-05T10:00:00Z").plusSeconds(second), id, "B");
    }

    @Test
    void aTradeIsFirstOnlyOncePerSymbolAndId() {
        TradeDeduplicator seen = new TradeDeduplicator(100);
        assertThat(seen.firstTime(trade("BTC/USD", 1, 0))).isTrue();
        assertThat(seen.firstTime(trade("BTC/USD", 1, 0))).isFalse();
        assertThat(seen.firstTime(trade("ETH/USD", 1, 0))).as("ids are per symbol").isTrue();
    }

    @Test
    void theGapStartsAtTheOldestNewestTradeOverSymbols() {
        TradeDeduplicator seen = new TradeDeduplicator(100);
        assertThat(seen.gapStart()).isEmpty();
        seen.firstTime(trade("BTC/USD", 1, 10));
        seen.firstTime(trade("BTC/USD", 2, 30));
        seen.firstTime(trade("ETH/USD", 7, 20));
        seen.firstTime(trade("BTC/USD", 3, 5));
        assertThat(seen.gapStart()).contains(Instant.parse("2026-01-05T10:00:20Z"));
    }

    @Test
    void memoryIsBoundedByForgettingTheOldestIds() {
        TradeDeduplicator seen = new TradeDeduplicator(3);
        for (long id = 1; id <= 4; id++) {
            seen.firstTime(trade("BTC/USD", id, (int) id));
        }
        assertThat(seen.firstTime(trade("BTC/USD", 4, 4))).isFalse();
        assertThat(seen.firstTime(trade("BTC/USD", 1, 1))).as("forgotten after 3 newer ids").isTrue();
    }
}
