package com.marketpulse.simulator;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Tick;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MarketSimulatorTest {

    static final List<String> SYMBOLS = List.of("BTC/USD", "ETH/USD", "SOL/USD");
    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    static RecordingSink run(SimulatorOptions options, Duration length) {
        MarketSimulator simulator = new MarketSimulator(options, SYMBOLS, START);
        RecordingSink sink = new RecordingSink();
        simulator.advanceTo(START.plus(length), sink);
        return sink;
    }

    static SimulatorOptions calm(long seed) {
        return TestOptions.dense().withoutAnomalies().withSeed(seed);
    }

    @Test
    void squaredReturnsAreAutocorrelatedBecauseVolatilityClusters() {
        double[] returns = Stats.logReturns(run(calm(11), Duration.ofHours(3)).ticksOf("BTC/USD"));
        double clustered = Stats.autocorrelation(Stats.squared(returns), 1);

        List<Double> shuffled = new ArrayList<>();
        for (double r : returns) {
            shuffled.add(r);
        }
        Collections.shuffle(shuffled, new Random(3));
        double[] control = shuffled.stream().mapToDouble(Double::doubleValue).toArray();
        double withoutOrder = Stats.autocorrelation(Stats.squared(control), 1);

        assertThat(clustered).isGreaterThan(0.05);
        assertThat(Math.abs(withoutOrder)).isLessThan(0.03);
    }

    @Test
    void returnsHaveHeavierTailsThanANormalDistribution() {
        RecordingSink market = run(calm(12), Duration.ofHours(3));
        for (String symbol : SYMBOLS) {
            double[] returns = Stats.logReturns(market.ticksOf(symbol));
            assertThat(Stats.kurtosis(returns)).as(symbol).isGreaterThan(4.0);
        }
    }

    @Test
    void tradesArriveAsAPoissonProcessAtTheConfiguredRate() {
        List<Tick> ticks = run(calm(13), Duration.ofHours(1)).ticksOf("ETH/USD");
        assertThat((double) ticks.size()).isCloseTo(4.0 * 3600, within(4.0 * 3600 * 0.04));

        double[] gaps = new double[ticks.size() - 1];
        for (int i = 1; i < ticks.size(); i++) {
            gaps[i - 1] = Duration.between(ticks.get(i - 1).eventTime(), ticks.get(i).eventTime()).toNanos() / 1e9;
        }
        double coefficientOfVariation = Stats.std(gaps) / Stats.mean(gaps);
        assertThat(coefficientOfVariation).as("exponential gaps have CV 1").isCloseTo(1.0, within(0.05));
    }

    @Test
    void pricesStartAtRealisticLevelsAndLieOnTheTickGrid() {
        RecordingSink sink = run(calm(14), Duration.ofMinutes(10));
        assertThat(sink.ticksOf("BTC/USD").getFirst().price()).isBetween(80_000.0, 100_000.0);
        assertThat(sink.ticksOf("ETH/USD").getFirst().price()).isBetween(2_700.0, 3_300.0);
        assertThat(sink.ticksOf("SOL/USD").getFirst().price()).isBetween(135.0, 165.0);
        for (Tick tick : sink.ticksOf("BTC/USD")) {
            assertThat(Math.abs(tick.price() * 100 - Math.rint(tick.price() * 100))).isLessThan(1e-6);
        }
    }

    @Test
    void tradeSizesAreLognormal() {
        List<Tick> ticks = run(calm(15), Duration.ofHours(1)).ticksOf("BTC/USD");
        double[] logSizes = ticks.stream().mapToDouble(t -> Math.log(t.size())).toArray();
        double skewness = Stats.centralMoment(logSizes, 3) / Math.pow(Stats.std(logSizes), 3);
        assertThat(Stats.std(logSizes)).isCloseTo(DenseMarket.SIZE_LOG_SIGMA, within(0.1));
        assertThat(skewness).isCloseTo(0.0, within(0.1));
        assertThat(Stats.kurtosis(logSizes)).isCloseTo(3.0, within(0.3));
    }

    @Test
    void injectsLabelledAnomaliesOfEveryKindForEverySymbol() {
        RecordingSink sink = run(TestOptions.dense().withSeed(16), Duration.ofHours(4));
        for (String symbol : SYMBOLS) {
            List<AnomalyLabel> labels = sink.labels.stream().filter(l -> l.symbol().equals(symbol)).toList();
            assertThat(labels).extracting(AnomalyLabel::kind).contains(AlertType.values());
            assertThat(labels).hasSizeBetween(50, 130);
            for (AnomalyLabel label : labels) {
                assertThat(label.end()).isAfter(label.start());
                assertThat(label.runId()).isNull();
            }
        }
    }

    @Test
    void ticksInsideAPriceSpikeLabelJumpFarFromTheFiftyTickMean() {
        RecordingSink sink = run(TestOptions.dense().withSeed(17), Duration.ofHours(6));
        List<AnomalyLabel> spikes = kinds(sink, AlertType.PRICE_SPIKE);
        assertThat(spikes).hasSizeGreaterThan(30);
        int caught = 0;
        for (AnomalyLabel spike : spikes) {
            if (Math.abs(zScoreAtStart(sink.ticksOf(spike.symbol()), spike.start())) > 4.0) {
                caught++;
            }
        }
        assertThat((double) caught / spikes.size()).isGreaterThan(0.9);
    }

    @Test
    void ticksInsideAVolumeAnomalyLabelAreMuchLarger() {
        RecordingSink sink = run(TestOptions.dense().withSeed(18), Duration.ofHours(6));
        List<AnomalyLabel> bursts = kinds(sink, AlertType.VOLUME_ANOMALY);
        assertThat(bursts).hasSizeGreaterThan(30);
        Map<String, Double> calm = new HashMap<>();
        for (String symbol : SYMBOLS) {
            calm.put(symbol, medianSize(outside(sink.ticksOf(symbol), sink.labels, symbol)));
        }
        for (AnomalyLabel burst : bursts) {
            List<Tick> ticks = sink.ticksOf(burst.symbol());
            double inside = medianSize(between(ticks, burst.start(), burst.end()));
            assertThat(inside / calm.get(burst.symbol())).as(burst.toString()).isGreaterThan(8.0);
        }
    }

    @Test
    void ticksInsideAVolatilityBurstLabelAreMuchMoreVolatile() {
        RecordingSink sink = run(TestOptions.dense().withSeed(19), Duration.ofHours(6));
        List<AnomalyLabel> bursts = kinds(sink, AlertType.VOLATILITY_BURST);
        assertThat(bursts).hasSizeGreaterThan(30);
        Map<String, Double> calm = new HashMap<>();
        for (String symbol : SYMBOLS) {
            calm.put(symbol, medianAbsolute(Stats.logReturns(outside(sink.ticksOf(symbol), sink.labels, symbol))));
        }
        for (AnomalyLabel burst : bursts) {
            List<Tick> ticks = sink.ticksOf(burst.symbol());
            double inside = medianAbsolute(Stats.logReturns(between(ticks, burst.start(), burst.end())));
            assertThat(inside / calm.get(burst.symbol())).as(burst.toString()).isGreaterThan(2.5);
        }
    }

    @Test
    void theDefaultsPutADetectablePriceSpikeOnTheFirstSymbolWithinTheFirstMinute() {
        for (long seed = 1; seed <= 40; seed++) {
            RecordingSink sink = run(TestOptions.dense().withSeed(seed), Duration.ofSeconds(60));
            AnomalyLabel first = sink.labels.getFirst();
            assertThat(first.kind()).isEqualTo(AlertType.PRICE_SPIKE);
            assertThat(first.symbol()).isEqualTo("BTC/USD");
            assertThat(first.start()).isBetween(START.plusSeconds(20), START.plusSeconds(22));
            double z = zScoreAtStart(sink.ticksOf("BTC/USD"), first.start());
            assertThat(Math.abs(z)).as("seed %d", seed).isGreaterThan(6.0);
        }
    }

    @Test
    void theSameSeedReplaysExactlyTheSameMarket() {
        RecordingSink first = run(TestOptions.dense().withSeed(42), Duration.ofMinutes(30));
        RecordingSink second = run(TestOptions.dense().withSeed(42), Duration.ofMinutes(30));
        RecordingSink other = run(TestOptions.dense().withSeed(43), Duration.ofMinutes(30));
        assertThat(second.ticks).isEqualTo(first.ticks);
        assertThat(second.labels).isEqualTo(first.labels);
        assertThat(other.ticks).isNotEqualTo(first.ticks);
    }

    @Test
    void advancingInSmallStepsGivesTheSameMarketAsOneBigStep() {
        MarketSimulator stepped = new MarketSimulator(calm(5), SYMBOLS, START);
        RecordingSink steps = new RecordingSink();
        for (int ms = 50; ms <= 120_000; ms += 50) {
            stepped.advanceTo(START.plusMillis(ms), steps);
        }
        assertThat(steps.ticks).isEqualTo(run(calm(5), Duration.ofMinutes(2)).ticks);
        assertThat(stepped.clock()).isEqualTo(START.plusSeconds(120));
    }

    @Test
    void seedZeroDrawsARandomSeedAndReportsIt() {
        MarketSimulator a = new MarketSimulator(TestOptions.dense(), SYMBOLS, START);
        MarketSimulator b = new MarketSimulator(TestOptions.dense(), SYMBOLS, START);
        assertThat(a.seed()).isNotZero().isNotEqualTo(b.seed());
    }

    static List<AnomalyLabel> kinds(RecordingSink sink, AlertType kind) {
        return sink.labels.stream().filter(l -> l.kind() == kind).toList();
    }

    static List<Tick> between(List<Tick> ticks, Instant from, Instant to) {
        return ticks.stream().filter(t -> !t.eventTime().isBefore(from) && t.eventTime().isBefore(to)).toList();
    }

    /** Robust scale: a spike just before the window must not hide the burst. */
    static double medianAbsolute(double[] x) {
        double[] sorted = java.util.Arrays.stream(x).map(Math::abs).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    /** The ticks of a symbol that lie outside every label of that symbol: the calm market. */
    static List<Tick> outside(List<Tick> ticks, List<AnomalyLabel> labels, String symbol) {
        List<AnomalyLabel> own = labels.stream().filter(l -> l.symbol().equals(symbol))
                .sorted(Comparator.comparing(AnomalyLabel::start)).toList();
        List<Tick> calm = new ArrayList<>();
        int next = 0;
        for (Tick tick : ticks) {
            while (next < own.size() && !tick.eventTime().isBefore(own.get(next).end())) {
                next++;
            }
            boolean inside = next < own.size() && !tick.eventTime().isBefore(own.get(next).start());
            if (!inside) {
                calm.add(tick);
            }
        }
        return calm;
    }

    static double medianSize(List<Tick> ticks) {
        double[] sizes = ticks.stream().mapToDouble(Tick::size).sorted().toArray();
        return sizes[sizes.length / 2];
    }

    /**
     * z of the first tick at {@code start} against the mean and standard deviation of the 50 ticks before it, as
     * feature-service defines priceZ.
     */
    static double zScoreAtStart(List<Tick> ticks, Instant start) {
        int index = 0;
        while (ticks.get(index).eventTime().isBefore(start)) {
            index++;
        }
        double[] window = ticks.subList(Math.max(0, index - 50), index).stream().mapToDouble(Tick::price).toArray();
        return (ticks.get(index).price() - Stats.mean(window)) / Stats.std(window);
    }
}
