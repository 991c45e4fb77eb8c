package com.marketpulse.evaluation.real;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.events.AlertType;
import com.marketpulse.simulator.EventStyle;
import com.marketpulse.simulator.Profile;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped configuration on data no threshold was chosen on: five volatile real days of DOT (November 2024,
 * after the US election) and a simulated day of each venue. Bounds a little looser than the full evaluation's
 * figures (README), so the test fails when detection gets worse, not when a seed is unlucky.
 */
class DetectionQualityTest {

    private static final Duration GRACE = Duration.ofMinutes(5);

    @Test
    void realVolatileDaysGiveFewAlertsAllMaterialAndInjectedMovesAreFound() throws URISyntaxException {
        Path slice = Path.of(getClass().getResource("/klines/DOTUSDT-1m-2024-11-10_14.csv.gz").toURI());
        Month month = Month.read(slice, "DOT/USD");
        var real = new RealMarkets(Shipped.CONFIG.settings().features(), Shipped.detector(), GRACE,
                Duration.ofHours(6));

        MonthResult result = real.evaluate(month, 1);

        List<Integer> perDay = result.perDay();
        assertThat(Report.median(perDay)).as("median alerts per day, %s", perDay).isLessThanOrEqualTo(6);
        assertThat(result.material()).isEqualTo(result.quiet().size());
        List<MonthResult.Found> moves = result.labels().stream()
                .filter(f -> f.injection().expected() == AlertType.PRICE_SPIKE).toList();
        assertThat(moves).hasSizeGreaterThanOrEqualTo(8);
        assertThat(recall(moves)).isGreaterThanOrEqualTo(0.85);
        assertThat(result.precision()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void theThinVenueShowsMovesFromQuotesAndBarsQuickly() {
        SimulatedVenue.Result thin = venue().run("thin", Shipped.CONFIG.settings().simulator().withProfile(Profile.THIN, EventStyle.MARKET), List.of("BTC/USD", "SOL/USD"),
                Duration.ofHours(27), Duration.ofHours(2), 3);

        assertThat(recall(thin.labels())).isGreaterThanOrEqualTo(0.95);
        assertThat(medianDelay(thin.labels())).isLessThanOrEqualTo(Duration.ofSeconds(120));
        assertThat(thin.unmatched() / thin.days()).as("false alerts per symbol-day").isLessThanOrEqualTo(1.0);
    }

    @Test
    void theDenseVenueFindsTheSameMoves() {
        SimulatedVenue.Result dense = venue().run("dense",
                Shipped.CONFIG.settings().simulator().withProfile(Profile.DENSE, EventStyle.MARKET), List.of("ETH/USD"),
                Duration.ofHours(27), Duration.ofHours(2), 5);

        List<MonthResult.Found> moves = dense.labels().stream()
                .filter(f -> f.injection().expected() == AlertType.PRICE_SPIKE).toList();
        assertThat(recall(moves)).isGreaterThanOrEqualTo(0.95);
        assertThat(dense.unmatched() / dense.days()).as("false alerts per symbol-day").isLessThanOrEqualTo(1.0);
    }

    private static SimulatedVenue venue() {
        return new SimulatedVenue(Shipped.CONFIG.settings().features(), Shipped.detector(), GRACE);
    }

    private static double recall(List<MonthResult.Found> found) {
        return (double) found.stream().filter(MonthResult.Found::found).count() / found.size();
    }

    private static Duration medianDelay(List<MonthResult.Found> found) {
        List<Duration> delays = found.stream().filter(MonthResult.Found::found).map(MonthResult.Found::delay)
                .sorted().toList();
        return delays.get(delays.size() / 2);
    }
}
