package com.marketpulse.detection.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.marketpulse.events.FeatureVector;
import com.marketpulse.events.Tick;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureReplayTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    private static List<FeatureVector> replay(double... prices) {
        var replay = new FeatureReplay(4, 2, 4, 4);
        List<FeatureVector> vectors = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            vectors.add(replay.next(Tick.live("test", "BTC/USD", T0.plusSeconds(i), prices[i], 1.0 + i % 2,
                    Integer.toString(i), null)));
        }
        return vectors;
    }

    @Test
    void thePriceZScoreJudgesATickAgainstThePreviousTicksOnly() {
        FeatureVector spike = replay(100, 101, 100, 101, 110).getLast();

        assertThat(spike.priceMean()).isEqualTo(100.5);
        assertThat(spike.priceStd()).isCloseTo(Math.sqrt(1.0 / 3.0), within(1e-12));
        assertThat(spike.priceZ()).isCloseTo(9.5 / Math.sqrt(1.0 / 3.0), within(1e-9));
        assertThat(spike.logReturn()).isCloseTo(Math.log(110.0 / 101.0), within(1e-12));
        assertThat(spike.returnZ()).isPositive();
        assertThat(spike.samples()).isEqualTo(5);
    }

    @Test
    void theWindowsSlide() {
        FeatureVector last = replay(1, 1, 1, 1, 100, 100, 100, 100, 100).getLast();

        assertThat(last.priceMean()).isEqualTo(100.0);
        assertThat(last.priceZ()).isZero();
        assertThat(last.vwap()).isEqualTo(100.0);
    }

    @Test
    void aBurstOfLargeReturnsRaisesShortVolatilityAboveLong() {
        FeatureVector calm = replay(100, 100.1, 100, 100.1, 100, 100.1).getLast();
        FeatureVector burst = replay(100, 100.1, 100, 100.1, 100, 100.1, 100, 103, 99).getLast();

        assertThat(calm.volRatio()).isCloseTo(1.0, within(0.25));
        assertThat(burst.volRatio()).isGreaterThan(1.3);
    }
}
