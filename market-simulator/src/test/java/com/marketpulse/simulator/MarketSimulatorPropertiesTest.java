package com.marketpulse.simulator;

import com.marketpulse.events.Tick;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarketSimulatorPropertiesTest {

    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    @Property(tries = 25)
    void everyTickIsAValidTradeOnTheTickGridInEventTimeOrder(@ForAll @LongRange(min = 1) long seed,
                                                             @ForAll @DoubleRange(min = 0.5, max = 50) double rate) {
        SimulatorOptions options = TestOptions.dense(rate, 120, 50, 20, 5, Duration.ofSeconds(5), seed);
        MarketSimulator simulator = new MarketSimulator(options, List.of("BTC/USD", "SOL/USD", "XYZ/USD"), START);
        RecordingSink sink = new RecordingSink();
        simulator.advanceTo(START.plus(Duration.ofMinutes(5)), sink);

        Instant previous = START;
        for (Tick tick : sink.ticks) {
            assertThat(tick.eventTime()).isAfterOrEqualTo(previous).isBeforeOrEqualTo(START.plus(Duration.ofMinutes(5)));
            previous = tick.eventTime();
            assertThat(tick.price()).isPositive();
            assertThat(tick.size()).isPositive();
            double ticks = tick.price() / SymbolProfile.of(tick.symbol()).tickSize();
            assertThat(Math.abs(ticks - Math.rint(ticks))).isLessThan(1e-6);
            assertThat(tick.takerSide()).isIn("B", "S");
        }
        assertThat(sink.ticks.stream().map(Tick::eventId).distinct().count()).isEqualTo(sink.ticks.size());
        sink.labels.forEach(label -> assertThat(label.start()).isAfterOrEqualTo(START.plusSeconds(5)));
    }
}
