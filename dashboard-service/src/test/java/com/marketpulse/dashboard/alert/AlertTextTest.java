package com.marketpulse.dashboard.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.marketpulse.events.Direction;
import com.marketpulse.events.SeverityLevel;

class AlertTextTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void typesReadAsWords() {
        assertThat(AlertText.type("PRICE_SPIKE")).isEqualTo("Price spike");
        assertThat(AlertText.type("VOLATILITY_BURST")).isEqualTo("Volatility burst");
        assertThat(AlertText.type("")).isEmpty();
        assertThat(AlertText.type(SeverityLevel.CRITICAL)).isEqualTo("Critical");
    }

    @Test
    void directionsGetAnArrow() {
        assertThat(AlertText.direction(Direction.UP)).isEqualTo("▲ Up");
        assertThat(AlertText.direction(Direction.DOWN)).isEqualTo("▼ Down");
        assertThat(AlertText.direction((Direction) null)).isEmpty();
    }

    @Test
    void ageIsCoarseAndNeverNegative() {
        assertThat(AlertText.ago(NOW.plusSeconds(3), NOW)).isEqualTo("just now");
        assertThat(AlertText.ago(NOW.minusSeconds(42), NOW)).isEqualTo("42 s ago");
        assertThat(AlertText.ago(NOW.minusSeconds(5 * 60 + 10), NOW)).isEqualTo("5 min ago");
        assertThat(AlertText.ago(NOW.minusSeconds(3 * 3600), NOW)).isEqualTo("3 h ago");
        assertThat(AlertText.ago(NOW.minusSeconds(2 * 86400), NOW)).isEqualTo("2 d ago");
    }
}
