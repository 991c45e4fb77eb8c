package com.marketpulse.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aSpanOverMidnightCoversBothEveningAndMorningButNotItsEnd() {
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

        assertThat(night.covers(Instant.parse("2026-01-01T22:00:00Z"), UTC)).isTrue();
        assertThat(night.covers(Instant.parse("2026-01-02T06:59:59Z"), UTC)).isTrue();
        assertThat(night.covers(Instant.parse("2026-01-02T07:00:00Z"), UTC)).isFalse();
        assertThat(night.covers(Instant.parse("2026-01-02T12:00:00Z"), UTC)).isFalse();
    }

    @Test
    void aSpanWithinADayAndNone() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));

        assertThat(lunch.covers(Instant.parse("2026-01-01T12:30:00Z"), UTC)).isTrue();
        assertThat(lunch.covers(Instant.parse("2026-01-01T13:30:00Z"), UTC)).isFalse();
        assertThat(QuietHours.NONE.covers(Instant.parse("2026-01-01T00:00:00Z"), UTC)).isFalse();
    }

    @Test
    void theEndIsTheNextLocalEndAcrossADaylightSavingChange() {
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
        // 2026-03-08 02:00 New York springs forward: 23:00 EST on the 7th, 07:00 EDT (11:00 UTC) on the 8th
        Instant evening = Instant.parse("2026-03-08T04:00:00Z");

        assertThat(night.covers(evening, NEW_YORK)).isTrue();
        assertThat(night.endAfter(evening, NEW_YORK)).isEqualTo(Instant.parse("2026-03-08T11:00:00Z"));
    }
}
