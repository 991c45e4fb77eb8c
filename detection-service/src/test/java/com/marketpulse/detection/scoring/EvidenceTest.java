package com.marketpulse.detection.scoring;

import static com.marketpulse.detection.scoring.Vectors.T0;
import static com.marketpulse.detection.scoring.Vectors.calm;
import static com.marketpulse.detection.scoring.Vectors.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.marketpulse.events.FeatureVector;
import org.junit.jupiter.api.Test;

class EvidenceTest {

    private static final DetectionRules RULES = DetectionRules.defaults();

    @Test
    void normalReturnsCountAgainstABurstAndHugeOnesAreBoundedByTheTails() {
        double k = RULES.burstMultiplier();

        assertThat(Evidence.burstLogLikelihoodRatio(0.5, k)).isNegative();
        assertThat(Evidence.burstLogLikelihoodRatio(8.0, k)).isPositive()
                .isGreaterThan(Evidence.burstLogLikelihoodRatio(4.0, k));
        assertThat(Evidence.burstLogLikelihoodRatio(1e6, k))
                .isCloseTo(Evidence.DEGREES_OF_FREEDOM * Math.log(k), within(1e-3));
    }

    @Test
    void volumeEvidenceGrowsWithLargeTradesAndIsForgottenByNormalOnes() {
        Evidence large = Evidence.NONE.after(with(calm(T0), 0, 0, 3.0, 1), RULES)
                .after(with(calm(T0), 0, 0, 3.0, 1), RULES);
        double shift = RULES.volumeShift();

        assertThat(large.volume()).isCloseTo(2 * (shift * 3.0 - shift * shift / 2), within(1e-12));
        assertThat(large.volumeTrades()).isEqualTo(2);
        assertThat(large.meanVolumeZ()).isEqualTo(3.0);
        Evidence calmAgain = large;
        for (int i = 0; i < 10; i++) {
            calmAgain = calmAgain.after(calm(T0), RULES);
        }
        assertThat(calmAgain.volume()).isZero();
        assertThat(calmAgain.volumeTrades()).isZero();
        assertThat(calmAgain.meanVolumeZ()).isNaN();
    }

    @Test
    void theSizeOfARunOfLargeTradesIsTheGeometricMeanOfTheirMultiplesOfTheUsualSize() {
        Evidence run = Evidence.NONE.after(sized(4 * 0.01, 3.0), RULES).after(sized(9 * 0.01, 3.0), RULES);

        assertThat(run.volumeSizeRatio()).isCloseTo(6.0, within(1e-9));
    }

    /** A calm vector whose trade has this size (the usual size is 0.01) and size z-score. */
    private static FeatureVector sized(double size, double volumeZ) {
        var v = with(calm(T0), 0, 0, volumeZ, 1);
        return new FeatureVector(v.eventId(), v.symbol(), v.eventTime(), v.price(), size, v.samples(), v.priceMean(),
                v.priceStd(), v.priceZ(), v.logReturn(), v.returnZ(), v.vwap(), v.vwapDeviation(), v.volShort(),
                v.volLong(), v.volRatio(), v.volume(), v.volumeZ(), 0.01, v.tradeRate(), v.runId());
    }

    @Test
    void oneTradeAddsAtMostTheCapToTheBurstEvidence() {
        Evidence jump = Evidence.NONE.after(with(calm(T0), 9, 80.0, 0, 4), RULES);

        assertThat(jump.burst()).isEqualTo(RULES.burstTradeCap());
        assertThat(jump.meanAbsReturnZ()).isEqualTo(80.0);
    }

    @Test
    void nonFiniteFeaturesAddNothing() {
        Evidence before = Evidence.NONE.after(with(calm(T0), 0, 6.0, 3.0, 1), RULES);
        Evidence after = before.after(with(calm(T0), Double.NaN, Double.NaN, Double.NaN, Double.NaN), RULES);

        assertThat(after.volume()).isLessThan(before.volume());
        assertThat(after.burst()).isLessThan(before.burst());
    }
}
