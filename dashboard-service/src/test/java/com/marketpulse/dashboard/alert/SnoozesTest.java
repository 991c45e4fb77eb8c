package com.marketpulse.dashboard.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.marketpulse.api.contract.Snooze;

/** Which coins the page shows as snoozed, and how it says until when. */
class SnoozesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T20:30:00Z");

    @Test
    void aSnoozeCountsUntilItsTimeHasPassedAndAnEndedOneLeavesTheCoin() {
        var snoozes = Snoozes.of(List.of(new Snooze("BTC/USD", NOW.plusSeconds(3600))));

        assertThat(snoozes.of("BTC/USD", NOW)).contains(NOW.plusSeconds(3600));
        assertThat(snoozes.of("BTC/USD", NOW.plusSeconds(3600))).as("ended on the dot").isEmpty();
        assertThat(snoozes.of("ETH/USD", NOW)).isEmpty();
        assertThat(snoozes.with(new Snooze("BTC/USD", NOW), NOW).of("BTC/USD", NOW.minusSeconds(60)))
                .as("the API's answer to 0 minutes ends it").isEmpty();
        assertThat(snoozes.with(new Snooze("ETH/USD", NOW.plusSeconds(60)), NOW).until())
                .containsOnlyKeys("BTC/USD", "ETH/USD");
    }

    @Test
    void untilReadsAsATimeTheSameDayInTheReadersZoneAndWithTheDateOnAnother() {
        var berlin = ZoneId.of("Europe/Berlin");

        assertThat(Snoozes.untilText(NOW.plusSeconds(3600), NOW, ZoneId.of("UTC"))).isEqualTo("Snoozed until 21:30");
        assertThat(Snoozes.untilText(NOW.plusSeconds(3600), NOW, berlin)).as("21:30 UTC is 22:30 in Berlin")
                .isEqualTo("Snoozed until 22:30");
        assertThat(Snoozes.untilText(NOW.plusSeconds(4 * 3600), NOW, berlin))
                .isEqualTo("Snoozed until Sat 5 Dec 01:30");
    }
}
