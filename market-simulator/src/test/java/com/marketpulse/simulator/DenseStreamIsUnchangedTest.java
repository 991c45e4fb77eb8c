package com.marketpulse.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dense profile with classic events is the market the evaluation's figures were measured on: these
 * fingerprints (tick count, hash of the ticks, hash of the labels' text (an enum's hash differs from run to run) over two hours of three pairs) were taken from
 * the simulator before it moved out of ingestion-service, so a change to its stream shows here first.
 */
class DenseStreamIsUnchangedTest {

    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    @Test
    void theSameSeedsGiveTheSameTicksAndLabelsAsBeforeTheThinProfile() {
        assertThat(fingerprint(1, false)).isEqualTo("85903 840131952 1141508440");
        assertThat(fingerprint(1, true)).isEqualTo("86386 1265221841 1");
        assertThat(fingerprint(42, false)).isEqualTo("87168 943048169 -2043893478");
        assertThat(fingerprint(42, true)).isEqualTo("86671 340215568 1");
        assertThat(fingerprint(7, false)).isEqualTo("86484 -866951759 -1597449995");
        assertThat(fingerprint(7, true)).isEqualTo("86430 724868090 1");
    }

    private static String fingerprint(long seed, boolean calm) {
        SimulatorOptions options = TestOptions.dense().withSeed(seed);
        if (calm) {
            options = options.withoutAnomalies();
        }
        RecordingSink sink = new RecordingSink();
        new MarketSimulator(options, List.of("BTC/USD", "ETH/USD", "SOL/USD"), START)
                .advanceTo(START.plus(Duration.ofHours(2)), sink);
        return sink.ticks.size() + " " + hashWithoutVenue(sink.ticks) + " " + sink.labels.stream().map(Object::toString).toList().hashCode();
    }

    /**
     * The hash the ticks had before Tick gained its venue (the pinned fingerprints predate it): a list's hash over
     * each tick's record hash of its other components, in order.
     */
    private static int hashWithoutVenue(java.util.List<com.marketpulse.events.Tick> ticks) {
        int list = 1;
        for (var t : ticks) {
            int h = 0;
            for (Object c : new Object[] {t.eventId(), t.symbol(), t.eventTime(), t.price(), t.size(), t.tradeId(),
                    t.takerSide(), t.source(), t.runId()}) {
                h = 31 * h + java.util.Objects.hashCode(c);
            }
            list = 31 * list + h;
        }
        return list;
    }
}
