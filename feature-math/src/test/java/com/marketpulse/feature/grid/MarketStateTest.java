package com.marketpulse.feature.grid;

import static com.marketpulse.feature.grid.Events.bar;
import static com.marketpulse.feature.grid.Events.quote;
import static com.marketpulse.feature.grid.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.marketpulse.events.Bar;
import com.marketpulse.events.MarketFeatures;
import com.marketpulse.events.SourceBar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketStateTest {

    /** The grid these tests are written for (1 s steps, 3 h warm-up), as shipped in marketpulse-defaults.yml. */
    static final GridSettings GRID = new GridSettings(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofDays(1),
            Duration.ofDays(7), Duration.ofHours(3));

    private final MarketState state = MarketState.fresh(GRID);

    @Test
    void quotesAloneGiveFeaturesReturnsAndAChartWithoutAnyTrade() {
        List<Bar> chart = new ArrayList<>();
        MarketFeatures last = null;
        for (int s = 0; s <= 400; s += 2) {
            double mid = s < 300 ? 100 : 100 * Math.exp(-0.03 * Math.min(1, (s - 300) / 60.0));
            GridStep step = state.onQuote(quote(s, mid));
            chart.addAll(step.bars());
            if (step.hasFeatures()) {
                last = step.features();
            }
        }
        assertThat(last.price()).isCloseTo(100 * Math.exp(-0.03), within(1e-9));
        assertThat(last.return5m()).isCloseTo(-0.03, within(1e-9));
        assertThat(last.spread()).isCloseTo(0.0009, within(1e-9));
        assertThat(last.secondsSinceTrade()).isEqualTo(-1);
        assertThat(chart).hasSize(6);
        assertThat(chart.get(4).close()).isEqualTo(100);
        assertThat(chart.get(5).low()).isLessThan(100).isGreaterThan(97);
    }

    @Test
    void aOneMinuteReturnComparesWithTheGridPriceAMinuteAgo() {
        for (int s = 0; s < 120; s++) {
            state.onQuote(quote(s, 100));
        }
        MarketFeatures f = state.onQuote(quote(120, 97)).features();

        assertThat(f.return1m()).isCloseTo(Math.log(0.97), within(1e-12));
        assertThat(f.return15m()).isZero();
    }

    @Test
    void emitsAtMostOneStepPerSecond() {
        assertThat(state.onQuote(quote(10.1, 100)).hasFeatures()).isTrue();
        assertThat(state.onQuote(quote(10.6, 100.1)).hasFeatures()).isFalse();
        assertThat(state.onQuote(quote(11.0, 100.2)).hasFeatures()).isTrue();
    }

    @Test
    void aBarIsKnownAtItsEndAndItsCloseIsTheLastPriceOfItsMinute() {
        state.onBar(bar(0, 100, 100, 100, 100, 1));
        GridStep step = state.onBar(bar(1, 100, 104, 99, 103, 2));

        MarketFeatures f = step.features();
        assertThat(f.eventTime()).isEqualTo(Events.at(120));
        assertThat(f.return1m()).isCloseTo(Math.log(1.03), within(1e-12));
        assertThat(f.notional1m()).isCloseTo(2 * 103, within(1e-9));
        assertThat(step.bars()).extracting(Bar::high).contains(104.0);
    }

    @Test
    void aCorrectedBarReplacesTheMinutesTradedValue() {
        state.onBar(bar(0, 100, 100, 100, 100, 1));
        state.onBar(bar(1, 100, 100, 100, 100, 5));
        SourceBar first = bar(1, 100, 100, 100, 100, 5);
        SourceBar correction = new SourceBar(first.eventId(), first.symbol(), first.start(), first.eventTime(), 100,
                100, 100, 100, 7, 4, 100, true, "alpaca", "us", null);

        GridStep step = state.onBar(correction);

        assertThat(step.hasFeatures()).isFalse();
        assertThat(step.bars()).extracting(Bar::volume).containsExactly(7.0);
        MarketFeatures next = state.onBar(bar(2, 100, 100, 100, 100, 1)).features();
        assertThat(next.notional5m()).isCloseTo(100 + 700 + 100, within(1e-9));
    }

    @Test
    void aRedeliveredTradeChangesNothing() {
        state.onQuote(quote(1, 100));
        state.onTrade(trade(5, 100, 2, "t1"));
        state.onTrade(trade(5, 100, 2, "t1"));

        MarketFeatures f = state.onQuote(quote(6, 100)).features();
        assertThat(f.notional1m()).isCloseTo(200, within(1e-9));
        assertThat(state.duplicates()).isEqualTo(1);
        assertThat(f.secondsSinceTrade()).isCloseTo(1, within(1e-9));
    }

    @Test
    void tradesSetThePriceOnlyWhileNoQuoteIsFresh() {
        state.onQuote(quote(0, 100));
        assertThat(state.onTrade(trade(10, 120, 1, "a")).features().price()).isEqualTo(100);
        assertThat(state.onTrade(trade(70, 120, 1, "b")).features().price()).isEqualTo(120);
    }

    @Test
    void aLateQuoteDoesNotMoveThePrice() {
        state.onQuote(quote(10, 100));
        assertThat(state.onQuote(quote(5, 90)).hasFeatures()).isFalse();
        assertThat(state.late()).isEqualTo(1);
        assertThat(state.onQuote(quote(12, 100)).features().price()).isEqualTo(100);
    }

    @Test
    void learnsUsualLevelsFromFinalMinutesAndWarmsUp() {
        MarketFeatures f = null;
        for (int m = 0; m < 240; m++) {
            double close = 100 * (1 + 0.001 * Math.sin(m));
            GridStep step = state.onBar(bar(m, close, close * 1.0005, close * 0.9995, close, 10));
            f = step.features();
        }
        assertThat(f.historyMinutes()).isEqualTo(239);
        assertThat(f.usualMove1m()).isBetween(0.0005, 0.002);
        assertThat(f.usualNotional1m()).isCloseTo(1000, within(50.0));
        assertThat(f.usualVolatility10m()).isGreaterThan(0);
    }

    @Test
    void historyMetBehindTheLivePriceStillWarmsTheSymbolUp() {
        for (int s = 4 * 3600; s < 5 * 3600; s += 2) {
            state.onQuote(quote(s, 100 + Math.sin(s / 300.0)));
        }
        long live = state.historyMinutes();
        for (int m = 0; m < 240; m++) {
            GridStep step = state.onBar(bar(m, 100, 100.2, 99.8, 100.1, 10));
            assertThat(step.hasFeatures()).as("history moves no price").isFalse();
        }
        MarketFeatures f = state.onQuote(quote(5 * 3600 + 1, 100)).features();

        assertThat(state.lateBars()).isEqualTo(240);
        assertThat(f.historyMinutes()).isGreaterThanOrEqualTo(live + 240);
        assertThat(f.usualMove1m()).isPositive();
    }

    @Test
    void aReturnNeverReachesAcrossADataGap() {
        for (int m = 0; m < 60; m++) {
            state.onBar(bar(m, 100, 100.1, 99.9, 100, 10));
        }
        // the stream resumes 19 hours on, 1.4 % higher: hours of drift, not a move "in 1 min"
        int resumed = 19 * 3600;
        MarketFeatures first = state.onQuote(quote(resumed, 101.4)).features();

        assertThat(first.return1m()).isZero();
        assertThat(first.return5m()).isZero();
        assertThat(first.return15m()).isZero();

        for (int s = resumed + 2; s <= resumed + 120; s += 2) {
            state.onQuote(quote(s, 101.4));
        }
        MarketFeatures after = state.onQuote(quote(resumed + 122, 98.4)).features();
        assertThat(after.return1m()).as("a move after the gap").isCloseTo(Math.log(98.4 / 101.4), within(1e-12));
        assertThat(after.return15m()).as("still reaching into the gap").isZero();
    }

    @Test
    void aShortSilenceCarriesThePriceForward() {
        for (int s = 0; s <= 120; s++) {
            state.onQuote(quote(s, 100));
        }
        MarketFeatures f = state.onQuote(quote(120 + 4 * 60, 97)).features();

        assertThat(f.return1m()).as("four quiet minutes: the price stood still").isCloseTo(Math.log(0.97),
                within(1e-12));
    }

    @Test
    void aSilentGapTeachesNothing() {
        for (int m = 0; m < 60; m++) {
            state.onBar(bar(m, 100, 100.1, 99.9, 100, 10));
        }
        long before = state.historyMinutes();
        state.onBar(bar(600, 100, 100.1, 99.9, 100, 10));

        assertThat(state.historyMinutes()).isEqualTo(before + 1);
    }

    @Test
    void survivesARestartFromBytesWithTheSameFutureAndAFixedSize() {
        MarketState other = MarketState.fresh(GRID);
        for (int s = 0; s < 3600; s += 3) {
            double mid = 100 + Math.sin(s / 100.0);
            state.onQuote(quote(s, mid));
            other.onQuote(quote(s, mid));
        }
        byte[] bytes = other.toBytes();
        MarketState restored = MarketState.fromBytes(bytes, GRID);

        assertThat(restored.onQuote(quote(3700, 101)).features())
                .isEqualTo(state.onQuote(quote(3700, 101)).features());
        assertThat(bytes.length).isEqualTo(MarketState.fresh(GRID).toBytes().length);
        assertThat(bytes.length).isLessThan(6000);
    }

    @Test
    void settingsRefuseNonsense() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new GridSettings(Duration.ofSeconds(-1),
                Duration.ofSeconds(60), Duration.ofDays(1), Duration.ofDays(7), Duration.ofHours(3)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
