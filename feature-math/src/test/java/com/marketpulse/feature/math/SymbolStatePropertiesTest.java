package com.marketpulse.feature.math;

import com.marketpulse.events.FeatureVector;
import com.marketpulse.events.Tick;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every streaming feature against its naive recomputation, over random tick streams. */
class SymbolStatePropertiesTest {

    /** A stream whose VWAP once drifted past a tolerance that ignored the trades' weights (CI, 24 Nov 2026). */
    @Example
    void aVwapOverTradesOfVeryDifferentSizesStaysWithinItsRoundingNoise() {
        everyFeatureMatchesTheNaiveRecomputation(143013, 61);
    }

    /** A window of zero-size trades after larger ones: the running volume keeps a few ε of them. */
    @Example
    void theVolumeOfAWindowOfZeroSizeTradesStaysWithinItsRoundingNoise() {
        everyFeatureMatchesTheNaiveRecomputation(-144, 381);
    }

    @Property(tries = 100)
    void everyFeatureMatchesTheNaiveRecomputation(@ForAll long seed, @ForAll @IntRange(min = 1, max = 700) int length) {
        FeatureSettings settings = TickStreams.settings(new Random(seed));
        List<Tick> ticks = TickStreams.generate(seed, length, "BTC/USD", null);
        SymbolState state = SymbolState.fresh(settings);
        NaiveFeatures naive = new NaiveFeatures(settings);
        long duplicates = 0;
        long late = 0;
        for (Tick tick : ticks) {
            TickOutcome actual = state.onTick(tick);
            TickOutcome expected = naive.onTick(tick);
            String context = "tick " + tick + " with " + settings;
            assertThat(actual.getClass()).as(context).isEqualTo(expected.getClass());
            switch (expected) {
                case TickOutcome.Accepted e -> {
                    TickOutcome.Accepted a = (TickOutcome.Accepted) actual;
                    assertMatches(a.features(), e.features(), naive.lastTolerances(), context);
                    assertThat(a.completedBar().isPresent()).as(context).isEqualTo(e.completedBar().isPresent());
                    e.completedBar().ifPresent(bar -> assertThat(a.completedBar().orElseThrow())
                            .as(context).usingRecursiveComparison()
                            .withComparatorForFields((x, y) -> Math.abs((double) x - (double) y)
                                    <= 1e-9 * Math.abs((double) y) ? 0 : 1, "volume")
                            .isEqualTo(bar));
                }
                case TickOutcome.Duplicate e -> duplicates++;
                case TickOutcome.OutOfOrder e -> {
                    late++;
                    assertThat(actual).as(context).isEqualTo(e);
                }
            }
        }
        assertThat(state.duplicates()).isEqualTo(duplicates);
        assertThat(state.outOfOrder()).isEqualTo(late);
    }

    @Property(tries = 60)
    void aStateReadBackFromBytesContinuesExactlyLikeTheOriginal(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 500) int length, @ForAll @IntRange(max = 500) int cut) {
        FeatureSettings settings = TickStreams.settings(new Random(seed));
        List<Tick> ticks = TickStreams.generate(seed, length, "ETH/USD", "run-" + seed);
        int split = Math.min(cut, ticks.size());
        SymbolState original = SymbolState.fresh(settings);
        ticks.subList(0, split).forEach(original::onTick);

        SymbolState restored = SymbolState.fromBytes(original.toBytes(), settings);

        List<TickOutcome> fromOriginal = new ArrayList<>();
        List<TickOutcome> fromRestored = new ArrayList<>();
        for (Tick tick : ticks.subList(split, ticks.size())) {
            fromOriginal.add(original.onTick(tick));
            fromRestored.add(restored.onTick(tick));
        }
        assertThat(fromRestored).isEqualTo(fromOriginal);
        assertThat(restored.toBytes()).isEqualTo(original.toBytes());
        assertThat(restored.samples()).isEqualTo(original.samples());
    }

    private static void assertMatches(FeatureVector actual, FeatureVector expected, FeatureVector tolerance,
                                      String context) {
        assertThat(actual.eventId()).as(context).isEqualTo(expected.eventId());
        assertThat(actual.eventTime()).as(context).isEqualTo(expected.eventTime());
        assertThat(actual.price()).as(context).isEqualTo(expected.price());
        assertThat(actual.size()).as(context).isEqualTo(expected.size());
        assertThat(actual.samples()).as(context).isEqualTo(expected.samples());
        assertThat(actual.runId()).as(context).isEqualTo(expected.runId());
        assertClose("priceMean", actual.priceMean(), expected.priceMean(), tolerance.priceMean(), context);
        assertClose("priceStd", actual.priceStd(), expected.priceStd(), tolerance.priceStd(), context);
        assertClose("priceZ", actual.priceZ(), expected.priceZ(), tolerance.priceZ(), context);
        assertClose("logReturn", actual.logReturn(), expected.logReturn(), tolerance.logReturn(), context);
        assertClose("returnZ", actual.returnZ(), expected.returnZ(), tolerance.returnZ(), context);
        assertClose("vwap", actual.vwap(), expected.vwap(), tolerance.vwap(), context);
        assertClose("vwapDeviation", actual.vwapDeviation(), expected.vwapDeviation(), tolerance.vwapDeviation(), context);
        assertClose("volShort", actual.volShort(), expected.volShort(), tolerance.volShort(), context);
        assertClose("volLong", actual.volLong(), expected.volLong(), tolerance.volLong(), context);
        assertClose("volRatio", actual.volRatio(), expected.volRatio(), tolerance.volRatio(), context);
        assertClose("volume", actual.volume(), expected.volume(), tolerance.volume(), context);
        assertClose("volumeZ", actual.volumeZ(), expected.volumeZ(), tolerance.volumeZ(), context);
        assertClose("tradeRate", actual.tradeRate(), expected.tradeRate(), tolerance.tradeRate(), context);
    }

    private static void assertClose(String field, double actual, double expected, double tolerance, String context) {
        assertThat(actual).as(field + " of " + context).isFinite().isCloseTo(expected, within(tolerance));
    }
}
