package com.marketpulse.simulator;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Market events and minute bars on the dense profile. */
class DenseMarketEventsTest {

    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    @Test
    void aScheduledThreePercentRiseInOneMinuteLiftsTheTradesAndStays() {
        var simulator = new MarketSimulator(TestOptions.dense().withoutAnomalies().withSeed(31),
                List.of("BTC/USD", "ETH/USD"), START);
        Instant onset = START.plus(Duration.ofMinutes(30)).plusSeconds(41);
        simulator.schedule(MarketEvent.priceMove("ETH/USD", onset, 3.0, Duration.ofMinutes(1)));
        RecordingSink sink = new RecordingSink();
        simulator.advanceTo(START.plus(Duration.ofHours(1)), sink);

        assertThat(sink.labels).singleElement().satisfies(label -> {
            assertThat(label.start()).isEqualTo(onset);
            assertThat(label.end()).isEqualTo(onset.plusSeconds(60));
            assertThat(label.magnitude()).isEqualTo(3.0);
        });
        List<Tick> eth = sink.ticksOf("ETH/USD");
        double move = priceAt(eth, onset.plusSeconds(60)) / priceAt(eth, onset) - 1;
        assertThat(move).isCloseTo(0.03, within(0.006));
        assertThat(priceAt(eth, onset.plus(Duration.ofMinutes(15))) / priceAt(eth, onset) - 1).isCloseTo(0.03,
                within(0.015));
    }

    @Test
    void marketEventsOnTheDenseProfileAreLabelledAtRandomSecondsAndBarsComeEveryMinute() {
        var options = TestOptions.dense().withProfile(Profile.DENSE, EventStyle.MARKET).withSeed(32)
                .withMarketEvents(TestOptions.marketEvents().withPerHour(3.0));
        RecordingSink sink = new RecordingSink();
        new MarketSimulator(options, List.of("BTC/USD"), START).advanceTo(START.plus(Duration.ofHours(6)), sink);

        assertThat(sink.labels).extracting(AnomalyLabel::kind).contains(AlertType.values());
        assertThat(sink.labels.getFirst().start()).isEqualTo(START.plusSeconds(20));
        for (AnomalyLabel label : sink.labels) {
            assertThat(label.start().getNano()).isZero();
            if (label.kind() == AlertType.VOLUME_ANOMALY) {
                assertThat(Duration.between(label.start(), label.end())).isEqualTo(Duration.ofMinutes(10));
                assertThat(label.magnitude()).isEqualTo(15.0);
            }
        }
        List<SourceBar> bars = sink.barsOf("BTC/USD");
        assertThat(bars).hasSize(360);
        assertThat(bars.stream().mapToLong(SourceBar::trades).sum()).isEqualTo(sink.ticks.size());
    }

    static double priceAt(List<Tick> ticks, Instant time) {
        Tick last = ticks.getFirst();
        for (Tick tick : ticks) {
            if (tick.eventTime().isAfter(time)) {
                break;
            }
            last = tick;
        }
        return last.price();
    }
}
