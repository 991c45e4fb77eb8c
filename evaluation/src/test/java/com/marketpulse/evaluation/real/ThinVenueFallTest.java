package com.marketpulse.evaluation.real;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.detection.core.Detector;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.simulator.EventStyle;
import com.marketpulse.simulator.MarketEvent;
import com.marketpulse.simulator.MarketSimulator;
import com.marketpulse.simulator.Profile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The acceptance scenario without Kafka: a thin venue like Alpaca {@code us} (quotes every 1-2 s, ~150
 * trades a day, a bar every minute), a calm hour after the warm-up, then −6 % in 4 minutes with no trade during
 * the fall. The product's features and detector must stay silent through the calm hour and raise a PRICE_SPIKE
 * within 2 minutes of the fall's start, explained in percent and money.
 */
class ThinVenueFallTest {

    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    @Test
    void aFallWithoutTradesIsFoundFromQuotesAndBarsWithinTwoMinutes() {
        Detector detector = Shipped.detector();
        GridRun run = new GridRun(Shipped.CONFIG.settings().features(), detector);
        Instant calmFrom = START.plus(detector.settings().warmUp());
        Instant fall = calmFrom.plus(Duration.ofHours(1)).plusSeconds(17);
        var thin = Shipped.CONFIG.settings().simulator().withProfile(Profile.THIN, EventStyle.MARKET);
        var simulator = new MarketSimulator(thin.withoutAnomalies().withSeed(11), List.of("BTC/USD"), START);
        simulator.schedule(MarketEvent.priceMove("BTC/USD", fall, -6.0, Duration.ofMinutes(4)));
        // the fall shows in quotes and bars alone: no trade during it
        simulator.advanceTo(fall.plus(Duration.ofMinutes(10)), run.sink(
                tick -> tick.eventTime().isBefore(fall) || !tick.eventTime().isBefore(fall.plusSeconds(240))));

        List<GridRun.Raised> calm = run.alerts().stream()
                .filter(a -> !a.firstDetected().isBefore(calmFrom) && a.firstDetected().isBefore(fall)).toList();
        List<GridRun.Raised> spikes = run.alerts().stream()
                .filter(a -> a.alert().type() == AlertType.PRICE_SPIKE && !a.firstDetected().isBefore(fall)).toList();
        assertThat(calm).isEmpty();
        assertThat(spikes).isNotEmpty();
        GridRun.Raised spike = spikes.getFirst();
        assertThat(Duration.between(fall, spike.firstDetected())).isLessThanOrEqualTo(Duration.ofMinutes(2));
        assertThat(spike.alert().direction()).isEqualTo(Direction.DOWN);
        assertThat(spike.alert().explanation()).matches("BTC/USD −\\d+\\.\\d % in \\d+ min \\(−\\$[\\d,]+\\), .*");
    }
}
