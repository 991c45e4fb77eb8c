package com.marketpulse.feature.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.marketpulse.events.MarketFeatures;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The streaming grid against a naive recomputation from the whole history of one symbol's quotes and trades:
 * returns over 1, 5 and 15 minutes and traded value over 1 and 5 minutes, at every emitted step.
 */
class MarketStatePropertiesTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long SLOT = 10 * SECOND;
    private static final long MINUTE = 60 * SECOND;

    /** One input: after {@code gapMillis}, a quote at the drifted mid, or a trade of {@code size} at it. */
    record Input(long gapMillis, boolean trade, double logMove, double size) {
    }

    @Provide
    Arbitrary<List<Input>> streams() {
        Arbitrary<Long> gaps = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.longs().between(50, 3_000)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(3_000, 150_000)));
        Arbitrary<Input> input = Combinators.combine(gaps, Arbitraries.of(false, false, true),
                Arbitraries.doubles().between(-0.01, 0.01).ofScale(6), Arbitraries.doubles().between(0.001, 5).ofScale(4))
                .as(Input::new);
        return input.list().ofMinSize(50).ofMaxSize(600);
    }

    @Property(tries = 60)
    void returnsAndTradedValueMatchANaiveRecomputation(@ForAll("streams") List<Input> stream) {
        MarketState state = MarketState.fresh(MarketStateTest.GRID);
        Naive naive = new Naive();
        long nanos = 0;
        double mid = 100;
        int i = 0;
        for (Input input : stream) {
            nanos += input.gapMillis() * 1_000_000L;
            mid *= Math.exp(input.logMove());
            double seconds = nanos / 1e9;
            GridStep step;
            if (input.trade()) {
                step = state.onTrade(Events.trade(seconds, mid, input.size(), "t" + i++));
                naive.trade(nanos, mid, input.size());
            } else {
                step = state.onQuote(Events.quote(seconds, mid));
                naive.quote(nanos, mid);
            }
            if (step.hasFeatures()) {
                MarketFeatures f = step.features();
                long t = nanos;
                assertThat(f.price()).isCloseTo(naive.latest(), within(1e-9));
                assertThat(f.return1m()).isCloseTo(naive.logReturn(t, MINUTE), within(1e-9));
                assertThat(f.return5m()).isCloseTo(naive.logReturn(t, 5 * MINUTE), within(1e-9));
                assertThat(f.return15m()).isCloseTo(naive.logReturn(t, 15 * MINUTE), within(1e-9));
                assertThat(f.notional1m()).isCloseTo(naive.notional(t, 1), within(1e-6));
                assertThat(f.notional5m()).isCloseTo(naive.notional(t, 5), within(1e-6));
            }
        }
    }

    /** Everything kept; every feature recomputed from scratch by its definition. */
    private static final class Naive {

        private final List<long[]> priceTimes = new ArrayList<>();
        private final List<Double> prices = new ArrayList<>();
        private final List<long[]> tradeTimes = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();
        private long lastQuote = Long.MIN_VALUE;

        void quote(long nanos, double mid) {
            lastQuote = nanos;
            priceTimes.add(new long[] {nanos});
            prices.add(mid);
        }

        void trade(long nanos, double price, double size) {
            tradeTimes.add(new long[] {nanos});
            values.add(price * size);
            if (lastQuote == Long.MIN_VALUE || nanos - lastQuote > 60 * SECOND) {
                priceTimes.add(new long[] {nanos});
                prices.add(price);
            }
        }

        double latest() {
            return prices.getLast();
        }

        /** The last price observed in or before the 10-second slot holding {@code nanos}. */
        double priceAtSlotOf(long nanos) {
            long slot = Math.floorDiv(nanos, SLOT);
            double price = Double.NaN;
            for (int i = 0; i < prices.size(); i++) {
                if (Math.floorDiv(priceTimes.get(i)[0], SLOT) <= slot) {
                    price = prices.get(i);
                }
            }
            return price;
        }

        double logReturn(long t, long horizon) {
            long lastPrice = priceTimes.getLast()[0];
            long at = Math.min(t, lastPrice);
            double r = Math.log(priceAtSlotOf(at) / priceAtSlotOf(Math.min(t - horizon, at)));
            return Double.isFinite(r) ? r : 0;
        }

        /** Trades of the current minute and the full minutes before, plus the unelapsed share of the oldest. */
        double notional(long t, int minutes) {
            long minute = Math.floorDiv(t, MINUTE);
            double fraction = (double) Math.floorMod(t, MINUTE) / MINUTE;
            double total = 0;
            for (int i = 0; i < values.size(); i++) {
                long m = Math.floorDiv(tradeTimes.get(i)[0], MINUTE);
                if (m <= minute && m > minute - minutes) {
                    total += values.get(i);
                } else if (m == minute - minutes) {
                    total += (1 - fraction) * values.get(i);
                }
            }
            return total;
        }
    }
}
