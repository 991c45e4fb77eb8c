package com.marketpulse.detection.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.events.SeverityLevel;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class SeverityTest {

    @Property
    void staysWithinZeroToHundred(@ForAll @DoubleRange(min = 0, max = 1e6) double strength,
                                  @ForAll @DoubleRange(min = 0, max = 1) double score) {
        assertThat(Severity.of(strength, score)).isBetween(0, 100);
    }

    @Property
    void neverFallsWhenTheRuleOrTheForestIsMoreSure(@ForAll @DoubleRange(min = 1, max = 10) double strength,
                                                    @ForAll @DoubleRange(min = 0.3, max = 1) double score,
                                                    @ForAll @DoubleRange(min = 0, max = 2) double more) {
        int base = Severity.of(strength, score);

        assertThat(Severity.of(strength + more, score)).isGreaterThanOrEqualTo(base);
        assertThat(Severity.of(strength, Math.min(1.0, score + more / 4))).isGreaterThanOrEqualTo(base);
    }

    @Test
    void aRuleAtItsThresholdWithAnIndifferentForestIsLow() {
        assertThat(Severity.of(1.0, 0.5)).isEqualTo(25);
        assertThat(SeverityLevel.of(Severity.of(1.0, 0.5))).isEqualTo(SeverityLevel.LOW);
    }

    @Test
    void twiceTheThresholdWithAConvincedForestIsHigh() {
        assertThat(Severity.of(2.0, 0.8)).isEqualTo(75);
        assertThat(SeverityLevel.of(Severity.of(2.0, 0.8))).isEqualTo(SeverityLevel.HIGH);
    }

    @Test
    void threeTimesTheThresholdWithAConvincedForestIsTheMaximum() {
        assertThat(Severity.of(3.0, 0.8)).isEqualTo(100);
        assertThat(SeverityLevel.of(Severity.of(3.0, 0.8))).isEqualTo(SeverityLevel.CRITICAL);
    }

    @Test
    void notANumberCountsAsNoEvidence() {
        assertThat(Severity.of(Double.NaN, Double.NaN)).isEqualTo(25);
    }
}
