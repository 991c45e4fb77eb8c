package com.marketpulse.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.marketpulse.events.SeverityLevel;

class AlertFilterTest {

    @Test
    void aLevelMeansTheLowestSeverityThatHasIt() {
        for (SeverityLevel level : SeverityLevel.values()) {
            int lowest = AlertFilter.lowestSeverityOf(level);
            assertThat(SeverityLevel.of(lowest)).isEqualTo(level);
            if (lowest > 0) {
                assertThat(SeverityLevel.of(lowest - 1)).isNotEqualTo(level);
            }
        }
    }
}
