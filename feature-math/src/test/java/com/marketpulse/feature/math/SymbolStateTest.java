package com.marketpulse.feature.math;

import com.marketpulse.events.Bar;
import com.marketpulse.events.FeatureVector;
import com.marketpulse.events.Tick;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SymbolStateTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private final FeatureSettings settings = FeatureSettings.defaults();

    @Test
    void aSpikeShowsItsFullSizeBecauseThePriceBaselineExcludesTheTickItself() {
        SymbolState state = SymbolState.fresh(settings);
        double[] previous = new double[50];
        for (int i = 0; i < 50; i++) {
            previous[i] = i % 2 == 0 ? 100_000.00 : 100_000.02;
            state.onTick(tick(i, T0.plusMillis(100L * i), previous[i], 0.01));
        }

        FeatureVector spike = features(state.onTick(tick(50, T0.plusSeconds(5), 100_010.0, 0.01)));

        double mean = NaiveFeatures.mean(previous);
        double std = NaiveFeatures.std(previous);
        assertThat(spike.priceMean()).isCloseTo(mean, within(1e-9));
        assertThat(spike.priceStd()).isCloseTo(std, within(1e-12));
        assertThat(spike.priceZ()).isCloseTo((100_010.0 - mean) / std, within(1e-3)).isGreaterThan(900);
        assertThat(spike.samples()).isEqualTo(51);
        assertThat(spike.logReturn()).isCloseTo(Math.log(100_010.0 / 100_000.02), within(1e-15));
    }

    @Test
    void keepsFullPrecisionOverAMillionCentMovesNear100000() {
        SymbolState state = SymbolState.fresh(settings);
        Random random = new Random(42);
        double price = 100_000.00;
        double[] prices = new double[1_000_000];
        FeatureVector last = null;
        for (int i = 0; i < prices.length; i++) {
            price = Math.round((price + (random.nextInt(3) - 1) * 0.01) * 100) / 100.0;
            prices[i] = price;
            last = features(state.onTick(tick(i, T0.plusMillis(i), price, 0.5)));
        }
        double[] window = Arrays.copyOfRange(prices, prices.length - 51, prices.length - 1);
        assertThat(last.priceStd()).isCloseTo(NaiveFeatures.std(window), within(1e-10));
        assertThat(last.priceMean()).isCloseTo(NaiveFeatures.mean(window), within(1e-9));
    }

    @Test
    void aRedeliveredTickIsADuplicateAndChangesNothing() {
        SymbolState state = SymbolState.fresh(settings);
        Tick tick = tick(1, T0, 100.0, 1.0);
        state.onTick(tick);
        SymbolState untouched = SymbolState.fromBytes(state.toBytes(), settings);

        TickOutcome again = state.onTick(tick);

        assertThat(again).isEqualTo(new TickOutcome.Duplicate(tick.eventId()));
        assertThat(state.duplicates()).isEqualTo(1);
        assertThat(state.samples()).isEqualTo(1);
        Tick next = tick(2, T0.plusSeconds(1), 101.0, 2.0);
        assertThat(state.onTick(next)).isEqualTo(untouched.onTick(next));
    }

    @Test
    void aLateTickLeavesTheWindowsAloneButCountsTowardsItsOpenBar() {
        SymbolState state = SymbolState.fresh(settings);
        state.onTick(tick(1, T0.plusSeconds(10), 100.0, 1.0));
        state.onTick(tick(2, T0.plusSeconds(20), 101.0, 1.0));

        TickOutcome late = state.onTick(tick(3, T0.plusSeconds(5), 90.0, 2.0));
        TickOutcome tooLate = state.onTick(tick(4, T0.minusSeconds(5), 80.0, 2.0));
        FeatureVector next = features(state.onTick(tick(5, T0.plusSeconds(30), 102.0, 1.0)));
        Bar bar = ((TickOutcome.Accepted) state.onTick(tick(6, T0.plusSeconds(61), 103.0, 1.0)))
                .completedBar().orElseThrow();

        assertThat(late).isEqualTo(new TickOutcome.OutOfOrder("sim:BTC/USD:3", true));
        assertThat(tooLate).isEqualTo(new TickOutcome.OutOfOrder("sim:BTC/USD:4", false));
        assertThat(state.outOfOrder()).isEqualTo(2);
        assertThat(next.samples()).isEqualTo(3);
        assertThat(next.priceMean()).isEqualTo(100.5);
        assertThat(bar).isEqualTo(new Bar("BTC/USD@2026-11-24T12:00:00Z", "BTC/USD", T0, T0.plusSeconds(60),
                90.0, 102.0, 90.0, 102.0, 5.0, 4, null));
    }

    @Test
    void aBarIsCompletedByTheFirstTradeOfALaterMinute() {
        SymbolState state = SymbolState.fresh(settings);
        assertThat(accepted(state.onTick(tick(1, T0.plusSeconds(1), 100.0, 1.0))).completedBar()).isEmpty();
        assertThat(accepted(state.onTick(tick(2, T0.plusSeconds(30), 105.0, 2.0))).completedBar()).isEmpty();
        assertThat(accepted(state.onTick(tick(3, T0.plusSeconds(59), 95.0, 0.5))).completedBar()).isEmpty();

        Bar bar = accepted(state.onTick(tick(4, T0.plusSeconds(185), 99.0, 1.0))).completedBar().orElseThrow();

        assertThat(bar).isEqualTo(new Bar(Bar.idOf("BTC/USD", T0, null), "BTC/USD", T0, T0.plusSeconds(60),
                100.0, 105.0, 95.0, 95.0, 3.5, 3, null));
    }

    @Test
    void volumeAndTradeRateCoverTheTimeWindowOnly() {
        SymbolState state = SymbolState.fresh(settings);
        for (int i = 0; i < 60; i++) {
            state.onTick(tick(i, T0.plusSeconds(i), 100.0, 1.0));
        }
        FeatureVector full = features(state.onTick(tick(60, T0.plusMillis(59_500), 100.0, 1.0)));
        FeatureVector later = features(state.onTick(tick(61, T0.plusSeconds(90), 100.0, 4.0)));

        assertThat(full.volume()).isEqualTo(61.0);
        assertThat(full.tradeRate()).isCloseTo(61 / 60.0, within(1e-12));
        assertThat(later.volume()).as("seconds 31..59 plus this trade").isEqualTo(29 + 1 + 4.0);
        assertThat(later.volumeZ()).as("a size 4x the usual one").isEqualTo(0);
    }

    @Test
    void aStateWrittenWithOtherWindowsCarriesItsNewestValuesOver() {
        SymbolState state = SymbolState.fresh(settings);
        double[] prices = new double[80];
        for (int i = 0; i < 80; i++) {
            prices[i] = 100 + i;
            state.onTick(tick(i, T0.plusSeconds(i), prices[i], 1.0));
        }
        FeatureSettings smaller = new FeatureSettings(10, 5, 40, 20, Duration.ofSeconds(60), Duration.ofMinutes(1));

        SymbolState restored = SymbolState.fromBytes(state.toBytes(), smaller);
        FeatureVector next = features(restored.onTick(tick(80, T0.plusSeconds(80), 180.0, 1.0)));

        assertThat(next.samples()).isEqualTo(81);
        assertThat(next.priceMean()).isCloseTo(NaiveFeatures.mean(Arrays.copyOfRange(prices, 70, 80)), within(1e-12));
    }

    private static TickOutcome.Accepted accepted(TickOutcome outcome) {
        assertThat(outcome).isInstanceOf(TickOutcome.Accepted.class);
        return (TickOutcome.Accepted) outcome;
    }

    private static FeatureVector features(TickOutcome outcome) {
        return accepted(outcome).features();
    }

    private static Tick tick(int id, Instant time, double price, double size) {
        return new Tick("sim:BTC/USD:" + id, "BTC/USD", time, price, size, Integer.toString(id), null, "simulator",
                "simulator", null);
    }
}
