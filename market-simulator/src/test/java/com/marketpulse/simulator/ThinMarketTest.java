package com.marketpulse.simulator;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ThinMarketTest {

    static final List<String> SYMBOLS = List.of("BTC/USD", "ETH/USD", "SOL/USD");
    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    static final Duration DAY = Duration.ofDays(1);

    static RecordingSink calmDay;

    static SimulatorOptions calm(long seed) {
        return TestOptions.thin().withoutAnomalies().withSeed(seed);
    }

    static RecordingSink run(MarketSimulator simulator, Duration length) {
        RecordingSink sink = new RecordingSink();
        simulator.advanceTo(START.plus(length), sink);
        return sink;
    }

    @BeforeAll
    static void simulateACalmDay() {
        calmDay = run(new MarketSimulator(calm(21), SYMBOLS, START), DAY);
    }

    @Test
    void aDayHasAboutOneHundredFiftyTradesPerPairAtTheBidOrTheAsk() {
        for (String symbol : SYMBOLS) {
            List<Tick> trades = calmDay.ticksOf(symbol);
            assertThat(trades.size()).as(symbol).isBetween(110, 190);
            List<Quote> quotes = calmDay.quotesOf(symbol);
            int q = 0;
            for (Tick trade : trades) {
                while (q + 1 < quotes.size() && !quotes.get(q + 1).eventTime().isAfter(trade.eventTime())) {
                    q++;
                }
                Quote book = quotes.get(q);
                assertThat(trade.price()).isEqualTo(trade.takerSide().equals("B") ? book.askPrice() : book.bidPrice());
                double btcUnits = trade.size() * trade.price() / 90_000;
                assertThat(btcUnits).as("notional in BTC at the reference price").isBetween(0.0005, 0.04);
            }
        }
    }

    @Test
    void aQuoteComesEveryOneToTwoSecondsWithANineBasisPointSpread() {
        for (String symbol : SYMBOLS) {
            List<Quote> quotes = calmDay.quotesOf(symbol);
            Instant previous = START;
            double spreads = 0;
            for (Quote quote : quotes) {
                Duration gap = Duration.between(previous, quote.eventTime());
                assertThat(gap).isLessThanOrEqualTo(Duration.ofSeconds(2));
                previous = quote.eventTime();
                spreads += quote.spread();
                assertThat(quote.askPrice()).isGreaterThan(quote.bidPrice());
                double btcUnits = quote.bidSize() * quote.mid() / 90_000;
                assertThat(btcUnits).isBetween(0.1, 1.0);
            }
            assertThat(Duration.between(previous, START.plus(DAY))).isLessThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(spreads / quotes.size() * 10_000).as(symbol + " mean spread, bps").isCloseTo(9.0, within(1.0));
        }
    }

    @Test
    void everyMinuteHasExactlyOneBarWithVolumeZeroWhenNothingTraded() {
        for (String symbol : SYMBOLS) {
            List<SourceBar> bars = calmDay.barsOf(symbol);
            assertThat(bars).hasSize(1440);
            List<List<Tick>> tradesByMinute = byMinute(calmDay.ticksOf(symbol), Tick::eventTime);
            List<List<Quote>> quotesByMinute = byMinute(calmDay.quotesOf(symbol), Quote::eventTime);
            int emptyMinutes = 0;
            for (int i = 0; i < bars.size(); i++) {
                SourceBar bar = bars.get(i);
                Instant start = START.plus(Duration.ofMinutes(i));
                assertThat(bar.start()).isEqualTo(start);
                assertThat(bar.eventTime()).isEqualTo(start.plusSeconds(60));
                List<Tick> inside = tradesByMinute.get(i);
                assertThat(bar.trades()).isEqualTo(inside.size());
                if (inside.isEmpty()) {
                    emptyMinutes++;
                    assertThat(bar.volume()).isZero();
                    assertThat(bar.vwap()).isZero();
                    List<Quote> mids = quotesByMinute.get(i);
                    assertThat(bar.open()).isEqualTo(mids.getFirst().mid());
                    assertThat(bar.close()).isEqualTo(mids.getLast().mid());
                    assertThat(bar.high()).isEqualTo(mids.stream().mapToDouble(Quote::mid).max().orElseThrow());
                    assertThat(bar.low()).isEqualTo(mids.stream().mapToDouble(Quote::mid).min().orElseThrow());
                } else {
                    assertThat(bar.volume()).isCloseTo(inside.stream().mapToDouble(Tick::size).sum(), within(1e-9));
                    assertThat(bar.open()).isEqualTo(inside.getFirst().price());
                    assertThat(bar.close()).isEqualTo(inside.getLast().price());
                    assertThat(bar.vwap()).isBetween(bar.low(), bar.high());
                }
            }
            assertThat(emptyMinutes).as("most minutes see no trade").isGreaterThan(1200);
        }
    }

    @Test
    void theMidMovesAboutAsMuchAsACryptoPairPerMinuteWithFatTails() {
        double[] returns = minuteReturns(calmDay.barsOf("BTC/USD"));
        double perMinute = Stats.std(returns);
        assertThat(perMinute).as("BTC/USD: 0.55 a year is 0.076 %% a minute").isBetween(0.0005, 0.0011);
        assertThat(Stats.kurtosis(returns)).as("fat tails").isGreaterThan(3.5);
    }

    @Test
    void eventsAreEmittedInTimeOrder() {
        Instant previous = START;
        for (Object event : calmDay.all) {
            Instant time = switch (event) {
                case Tick t -> t.eventTime();
                case Quote q -> q.eventTime();
                case SourceBar b -> b.eventTime();
                case AnomalyLabel l -> l.start();
                default -> throw new IllegalStateException();
            };
            assertThat(time).isAfterOrEqualTo(previous);
            previous = time;
        }
    }

    @Test
    void aScheduledSixPercentFallOverFourMinutesMovesTheQuotedMidFromTheLabelledOnset() {
        var simulator = new MarketSimulator(calm(22), SYMBOLS, START);
        Instant onset = START.plus(Duration.ofMinutes(61)).plusSeconds(17);
        simulator.schedule(MarketEvent.priceMove("BTC/USD", onset, -6.0, Duration.ofMinutes(4)));
        RecordingSink sink = run(simulator, Duration.ofHours(2));

        assertThat(sink.labels).singleElement().satisfies(label -> {
            assertThat(label.kind()).isEqualTo(AlertType.PRICE_SPIKE);
            assertThat(label.start()).isEqualTo(onset);
            assertThat(label.end()).isEqualTo(onset.plus(Duration.ofMinutes(4)));
            assertThat(label.magnitude()).isEqualTo(-6.0);
        });
        List<Quote> quotes = sink.quotesOf("BTC/USD");
        double before = midAt(quotes, onset);
        double halfway = midAt(quotes, onset.plus(Duration.ofMinutes(2)));
        double after = midAt(quotes, onset.plus(Duration.ofMinutes(4)));
        double later = midAt(quotes, onset.plus(Duration.ofMinutes(20)));
        assertThat(after / before - 1).isCloseTo(-0.06, within(0.006));
        assertThat(halfway / before - 1).isCloseTo(Math.sqrt(0.94) - 1, within(0.006));
        assertThat(later / before - 1).as("the price stays down").isCloseTo(-0.06, within(0.02));
        assertThat(midAt(quotes, onset.minusSeconds(60)) / before - 1).as("calm before").isCloseTo(0, within(0.006));
    }

    @Test
    void randomMarketEventsAreLabelledAndVisibleInQuotesTradesAndBars() {
        var options = TestOptions.thin().withSeed(23)
                .withMarketEvents(TestOptions.marketEvents().withPerHour(2.0));
        RecordingSink sink = run(new MarketSimulator(options, List.of("BTC/USD"), START), DAY);
        assertThat(sink.labels).extracting(AnomalyLabel::kind).contains(AlertType.values());
        assertThat(sink.labels.size()).isBetween(15, 45);
        AnomalyLabel first = sink.labels.getFirst();
        assertThat(first.kind()).as("the demo's first event is a move").isEqualTo(AlertType.PRICE_SPIKE);
        assertThat(first.start()).isEqualTo(START.plusSeconds(20));

        List<SourceBar> bars = sink.barsOf("BTC/USD");
        double calmVolume = 0;
        double burstVolume = 0;
        long calmMinutes = 0;
        long burstMinutes = 0;
        List<Double> burstReturns = new ArrayList<>();
        List<Double> calmReturns = new ArrayList<>();
        for (int i = 1; i < bars.size(); i++) {
            SourceBar bar = bars.get(i);
            AlertType kind = labelOver(sink.labels, bar);
            double r = Math.log(bar.close() / bars.get(i - 1).close());
            if (kind == AlertType.VOLUME_ANOMALY) {
                burstVolume += bar.volume();
                burstMinutes++;
            } else if (kind == null) {
                calmVolume += bar.volume();
                calmMinutes++;
                calmReturns.add(r);
            }
            if (kind == AlertType.VOLATILITY_BURST) {
                burstReturns.add(r);
            }
        }
        double volumeRatio = (burstVolume / burstMinutes) / (calmVolume / calmMinutes);
        assertThat(volumeRatio).as("volume during volume anomalies vs calm").isBetween(6.0, 35.0);
        double volatilityRatio = Stats.std(toArray(burstReturns)) / Stats.std(toArray(calmReturns));
        assertThat(volatilityRatio).as("minute volatility during bursts vs calm").isBetween(3.0, 8.0);
    }

    @Test
    void theSameSeedGivesTheSameMarketAndAnotherSeedAnother() {
        var options = TestOptions.thin().withSeed(24);
        RecordingSink first = run(new MarketSimulator(options, SYMBOLS, START), Duration.ofHours(3));
        RecordingSink second = run(new MarketSimulator(options, SYMBOLS, START), Duration.ofHours(3));
        RecordingSink other = run(new MarketSimulator(options.withSeed(25), SYMBOLS, START), Duration.ofHours(3));
        assertThat(second.all).isEqualTo(first.all);
        assertThat(other.quotes).isNotEqualTo(first.quotes);
    }

    @Test
    void advancingInSmallStepsGivesTheSameMarketAsOneBigStep() {
        var stepped = new MarketSimulator(TestOptions.thin().withSeed(26), SYMBOLS, START);
        RecordingSink steps = new RecordingSink();
        for (int s = 1; s <= 1800; s++) {
            stepped.advanceTo(START.plusSeconds(s), steps);
        }
        RecordingSink once = run(new MarketSimulator(TestOptions.thin().withSeed(26), SYMBOLS, START),
                Duration.ofMinutes(30));
        assertThat(steps.all).isEqualTo(once.all);
    }

    @Test
    void theThinProfileRefusesClassicEvents() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> TestOptions.dense().withProfile(Profile.THIN, EventStyle.CLASSIC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("market events only");
        assertThat(EventStyle.resolve("", Profile.THIN)).isEqualTo(EventStyle.MARKET);
        assertThat(EventStyle.resolve(" ", Profile.DENSE)).isEqualTo(EventStyle.CLASSIC);
    }

    /** The events of each minute of the day, by their event time. */
    static <T> List<List<T>> byMinute(List<T> events, java.util.function.Function<T, Instant> time) {
        List<List<T>> minutes = new ArrayList<>();
        for (int i = 0; i < DAY.toMinutes(); i++) {
            minutes.add(new ArrayList<>());
        }
        for (T event : events) {
            minutes.get((int) Duration.between(START, time.apply(event)).toMinutes()).add(event);
        }
        return minutes;
    }

    /** The kind of the label that covers the whole bar, null when no label touches it. */
    static AlertType labelOver(List<AnomalyLabel> labels, SourceBar bar) {
        for (AnomalyLabel label : labels) {
            boolean covers = !bar.start().isBefore(label.start()) && !bar.eventTime().isAfter(label.end());
            boolean touches = bar.start().isBefore(label.end()) && bar.eventTime().isAfter(label.start());
            if (covers) {
                return label.kind();
            }
            if (touches) {
                return AlertType.PRICE_SPIKE;
            }
        }
        return null;
    }

    static double midAt(List<Quote> quotes, Instant time) {
        Quote last = quotes.getFirst();
        for (Quote quote : quotes) {
            if (quote.eventTime().isAfter(time)) {
                break;
            }
            last = quote;
        }
        return last.mid();
    }

    static double[] minuteReturns(List<SourceBar> bars) {
        double[] returns = new double[bars.size() - 1];
        for (int i = 1; i < bars.size(); i++) {
            returns[i - 1] = Math.log(bars.get(i).close() / bars.get(i - 1).close());
        }
        return returns;
    }

    static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
