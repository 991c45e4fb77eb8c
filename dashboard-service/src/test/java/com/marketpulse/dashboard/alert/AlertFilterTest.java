package com.marketpulse.dashboard.alert;

import static com.marketpulse.dashboard.Alerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.SeverityLevel;

class AlertFilterTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    private static AlertDto withLevel(String id, AlertType type, @Nullable SeverityLevel level) {
        var base = alert(id, "BTC/USD", T0, "volume 5σ above normal");
        return new AlertDto(base.id(), base.symbol(), type, base.direction(), base.severity(), level, base.eventTime(),
                base.endTime(), base.price(), base.score(), base.modelVersion(), base.explanation(), base.detectedAt());
    }

    @Test
    void noFilterKeepsEverything() {
        var alerts = List.of(alert("a", "BTC/USD", T0, "x"), alert("b", "ETH/USD", T0, "y"));

        assertThat(AlertFilter.none().apply(alerts)).isEqualTo(alerts);
    }

    @Test
    void filtersByCoinAndType() {
        var alerts = List.of(alert("a", "BTC/USD", T0, "x"), alert("b", "ETH/USD", T0, "y"),
                withLevel("c", AlertType.VOLUME_ANOMALY, SeverityLevel.LOW));

        assertThat(new AlertFilter("BTC/USD", "PRICE_SPIKE", null, null).apply(alerts))
                .extracting(AlertDto::id).containsExactly("a");
    }

    @Test
    void aMinimumLevelKeepsThatLevelAndHigher() {
        var alerts = List.of(withLevel("low", AlertType.PRICE_SPIKE, SeverityLevel.LOW),
                withLevel("medium", AlertType.PRICE_SPIKE, SeverityLevel.MEDIUM),
                withLevel("critical", AlertType.PRICE_SPIKE, SeverityLevel.CRITICAL),
                withLevel("none", AlertType.PRICE_SPIKE, null));

        assertThat(new AlertFilter(null, null, "MEDIUM", null).apply(alerts))
                .extracting(AlertDto::id).containsExactly("medium", "critical");
    }

    @Test
    void wordsMatchTheExplanationIgnoringCase() {
        var alerts = List.of(alert("a", "BTC/USD", T0, "Volume 5σ above normal"), alert("b", "BTC/USD", T0, "price jump"));

        assertThat(new AlertFilter(null, null, null, "  VOLUME ").apply(alerts)).extracting(AlertDto::id).containsExactly("a");
        assertThat(new AlertFilter(null, null, null, " ").apply(alerts)).hasSize(2);
    }
}
