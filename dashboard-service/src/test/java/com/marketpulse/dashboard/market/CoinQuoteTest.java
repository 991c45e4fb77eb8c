package com.marketpulse.dashboard.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.marketpulse.api.contract.BarDto;

class CoinQuoteTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    private static BarDto bar(int minute, double open, double close) {
        return new BarDto(T0.plusSeconds(60L * minute), T0.plusSeconds(60L * minute + 60), open, Math.max(open, close), Math.min(open, close), close, 1, 1);
    }

    @Test
    void changeIsFromTheFirstBarsOpenToTheLatestPrice() {
        var quote = CoinQuote.of("BTC/USD", 110.0, T0.plusSeconds(3600), List.of(bar(0, 100, 101), bar(59, 104, 109)), null);

        assertThat(quote.changePercent()).isCloseTo(10.0, within(1e-9));
        assertThat(quote.price()).isEqualTo(110.0);
    }

    @Test
    void withoutALatestPriceTheLastBarsCloseIsUsed() {
        var quote = CoinQuote.of("BTC/USD", null, null, List.of(bar(0, 200, 201), bar(1, 201, 190)), 2.0);

        assertThat(quote.price()).isEqualTo(190.0);
        assertThat(quote.time()).isEqualTo(T0.plusSeconds(60));
        assertThat(quote.changePercent()).isCloseTo(-5.0, within(1e-9));
        assertThat(quote.holdingValue()).contains(380.0);
    }

    @Test
    void withoutBarsThereIsNoChangeAndWithoutQuantityNoValue() {
        var quote = CoinQuote.of("BTC/USD", 50.0, T0, List.of(), null);

        assertThat(quote.changePercent()).isNull();
        assertThat(quote.holdingValue()).isEmpty();
    }

    @Test
    void withNothingAtAllThePriceIsUnknown() {
        var quote = CoinQuote.of("BTC/USD", null, null, List.of(), 1.0);

        assertThat(quote.price()).isNull();
        assertThat(quote.holdingValue()).isEmpty();
    }
}
