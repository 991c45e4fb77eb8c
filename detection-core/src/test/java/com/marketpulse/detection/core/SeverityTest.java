package com.marketpulse.detection.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import org.junit.jupiter.api.Test;

class SeverityTest {

    private static Candidate candidate(double material, double unusual, double speed) {
        return new Candidate(AlertType.PRICE_SPIKE, Direction.DOWN, Math.min(material, unusual), material, unusual,
                speed, "");
    }

    @Test
    void aRuleThatJustFiresOnANormalLookingStepIsMedium() {
        assertThat(Severity.of(candidate(1, 1, 0), 0.5, 0.25)).isEqualTo(41);
    }

    @Test
    void theForestSetsItsShareOfTheSeverity() {
        Candidate c = candidate(2, 2, 0.6);
        int normal = Severity.of(c, 0.45, 0.25);
        int anomalous = Severity.of(c, 0.8, 0.25);

        assertThat(anomalous - normal).isEqualTo(25);
        assertThat(Severity.of(c, 0.8, 0.0)).isEqualTo(Severity.of(c, 0.45, 0.0));
    }

    @Test
    void aLargeFastUnusualMoveThatTheForestAgreesWithIsCritical() {
        assertThat(Severity.of(candidate(10, 10, 1), 0.8, 0.25)).isEqualTo(100);
        assertThat(Severity.of(candidate(10, 10, 1), 0.45, 0.25)).isEqualTo(75);
        assertThat(Severity.of(candidate(5, 5, 1), 0.45, 0.25)).isBetween(65, 74);
    }

    @Test
    void aDeeperMoveOfTheSameSpeedIsMoreSevereUpToTenTimesTheMinimum() {
        int eightPercent = Severity.of(candidate(8 / 1.5, 8 / 1.5, 0.6), 0.6, 0.25);
        int fifteenPercent = Severity.of(candidate(15 / 1.5, 15 / 1.5, 0.6), 0.6, 0.25);

        assertThat(fifteenPercent).isGreaterThan(eightPercent);
    }
}
