package com.marketpulse.detection.core.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.events.AlertType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchingTest {

    private static final Instant ONSET = Instant.parse("2026-01-05T12:00:30Z");
    private static final Matching.Label MOVE = new Matching.Label("BTC/USD", AlertType.PRICE_SPIKE, ONSET,
            ONSET.plus(Duration.ofMinutes(5)));

    @Test
    void aLabelIsFoundByTheFirstAlertOfItsTypeAndSymbolWithinTheGrace() {
        var early = raised("BTC/USD", AlertType.PRICE_SPIKE, ONSET.minusSeconds(1));
        var otherType = raised("BTC/USD", AlertType.VOLATILITY_BURST, ONSET.plusSeconds(10));
        var otherSymbol = raised("ETH/USD", AlertType.PRICE_SPIKE, ONSET.plusSeconds(20));
        var second = raised("BTC/USD", AlertType.PRICE_SPIKE, ONSET.plusSeconds(90));
        var first = raised("BTC/USD", AlertType.PRICE_SPIKE, ONSET.plusSeconds(61));

        assertThat(Matching.delay(MOVE, List.of(early, otherType, otherSymbol, second, first), Matching.GRACE))
                .isEqualTo(Duration.ofSeconds(61));
    }

    @Test
    void anAlertAfterTheGraceFindsNothing() {
        var late = raised("BTC/USD", AlertType.PRICE_SPIKE, MOVE.end().plus(Matching.GRACE).plusSeconds(1));
        var atTheEdge = raised("BTC/USD", AlertType.PRICE_SPIKE, MOVE.end().plus(Matching.GRACE));

        assertThat(Matching.delay(MOVE, List.of(late), Matching.GRACE)).isNull();
        assertThat(Matching.delay(MOVE, List.of(atTheEdge), Matching.GRACE)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void anAlertOfAnyTypeThatLastsIntoTheWindowIsCausedByIt() {
        var lasting = new Matching.Raised("BTC/USD", AlertType.VOLATILITY_BURST, ONSET.minusSeconds(600), ONSET);
        var ended = new Matching.Raised("BTC/USD", AlertType.VOLATILITY_BURST, ONSET.minusSeconds(600),
                ONSET.minusSeconds(1));

        assertThat(Matching.overlaps(lasting, MOVE, Matching.GRACE)).isTrue();
        assertThat(Matching.overlaps(ended, MOVE, Matching.GRACE)).isFalse();
    }

    @Test
    void theMedianIsTheUpperOneAsTheEvaluationPrintsIt() {
        assertThat(Matching.medianSeconds(List.of(Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofSeconds(20), Duration.ofSeconds(40)))).isEqualTo(30);
        assertThat(Matching.medianSeconds(List.of())).isNull();
    }

    private static Matching.Raised raised(String symbol, AlertType type, Instant at) {
        return new Matching.Raised(symbol, type, at, at.plusSeconds(30));
    }
}
