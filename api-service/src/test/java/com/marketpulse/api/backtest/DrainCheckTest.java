package com.marketpulse.api.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DrainCheckTest {

    private static final Map<String, Long> MARKS = Map.of("market.crypto.replay:0", 120L,
            "market.crypto.replay:1", 80L, "market.quotes.replay:0", 0L);

    @Test
    void aRunIsDrainedOnceEveryGroupReadingItsTopicsHasPassedTheMarks() {
        assertThat(DrainCheck.drained(MARKS, Map.of("feature-service", Map.of("market.crypto.replay:0", 120L,
                "market.crypto.replay:1", 95L)))).isTrue();
        assertThat(DrainCheck.drained(MARKS, Map.of("feature-service", Map.of("market.crypto.replay:0", 119L,
                "market.crypto.replay:1", 95L)))).isFalse();
    }

    @Test
    void aGroupThatHasNotCommittedOnOnePartitionOfATopicItReadsIsBehindThere() {
        assertThat(DrainCheck.drained(MARKS, Map.of("feature-service", Map.of("market.crypto.replay:0", 200L))))
                .isFalse();
    }

    @Test
    void topicsAndGroupsThatHaveNothingToDoWithTheMarksHoldNothingBack() {
        assertThat(DrainCheck.drained(MARKS, Map.of(
                "feature-service", Map.of("market.crypto.replay:0", 120L, "market.crypto.replay:1", 80L),
                "detection-archiver", Map.of("market.crypto:0", 3L)))).isTrue();
        assertThat(DrainCheck.drained(MARKS, Map.of())).as("nothing reads the replay topics").isTrue();
        assertThat(DrainCheck.drained(Map.of(), Map.of("feature-service", Map.of("market.crypto.replay:0", 0L))))
                .as("no replay topic exists yet").isTrue();
    }
}
