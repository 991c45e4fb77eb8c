package com.marketpulse.evaluation;

import com.marketpulse.events.AlertType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static com.marketpulse.events.AlertType.PRICE_SPIKE;
import static com.marketpulse.events.AlertType.VOLATILITY_BURST;
import static com.marketpulse.events.AlertType.VOLUME_ANOMALY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatchingTest {

    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    private static final String BTC = "BTC/USD";
    private static final String ETH = "ETH/USD";

    private final Matching matching = new Matching(Duration.ofSeconds(10));

    @Test
    void anAlertOfTheSameSymbolAndTypeInsideTheWindowDetectsTheLabelAndCountsAsTrue() {
        var label = label(BTC, PRICE_SPIKE, 100, 130, 400);
        var recording = recording(List.of(label), List.of(episode("a", BTC, PRICE_SPIKE, 101, 104)),
                List.of(detection(BTC, PRICE_SPIKE, 101, 402), detection(BTC, PRICE_SPIKE, 104, 414)));

        TypeMetrics spikes = matching.match(recording).get(PRICE_SPIKE);

        assertThat(spikes.labels()).isEqualTo(1);
        assertThat(spikes.detected()).isEqualTo(1);
        assertThat(spikes.truePositives()).isEqualTo(1);
        assertThat(spikes.falsePositives()).isZero();
        assertThat(spikes.recall()).isEqualTo(1.0);
        assertThat(spikes.precision()).isEqualTo(1.0);
        assertThat(spikes.delayTicks()).containsExactly(2L);
        assertThat(spikes.delays()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void anAlertStartingWithinTheGraceAfterTheLabelEndStillMatchesButNotAfterIt() {
        var label = label(BTC, VOLUME_ANOMALY, 100, 130, 400);
        var inGrace = recording(List.of(label), List.of(episode("a", BTC, VOLUME_ANOMALY, 139, 139)),
                List.of(detection(BTC, VOLUME_ANOMALY, 139, 560)));
        var afterGrace = recording(List.of(label), List.of(episode("a", BTC, VOLUME_ANOMALY, 141, 141)),
                List.of(detection(BTC, VOLUME_ANOMALY, 141, 568)));

        assertThat(matching.match(inGrace).get(VOLUME_ANOMALY).detected()).isEqualTo(1);
        TypeMetrics late = matching.match(afterGrace).get(VOLUME_ANOMALY);
        assertThat(late.detected()).isZero();
        assertThat(late.falsePositives()).isEqualTo(1);
        assertThat(late.recall()).isEqualTo(0.0);
        assertThat(late.precision()).isEqualTo(0.0);
    }

    @Test
    void anotherSymbolsAlertNeitherDetectsTheLabelNorIsTrue() {
        var recording = recording(List.of(label(BTC, PRICE_SPIKE, 100, 130, 400)),
                List.of(episode("a", ETH, PRICE_SPIKE, 101, 101)), List.of(detection(ETH, PRICE_SPIKE, 101, 390)));

        TypeMetrics spikes = matching.match(recording).get(PRICE_SPIKE);

        assertThat(spikes.detected()).isZero();
        assertThat(spikes.truePositives()).isZero();
        assertThat(spikes.falsePositives()).isEqualTo(1);
    }

    @Test
    void anAlertOfAnotherTypeDuringALabelIsCrossTypeNotFalseAndDoesNotDetectIt() {
        var recording = recording(List.of(label(BTC, VOLUME_ANOMALY, 100, 140, 400)),
                List.of(episode("a", BTC, VOLATILITY_BURST, 120, 150)),
                List.of(detection(BTC, VOLATILITY_BURST, 120, 480)));

        Map<AlertType, TypeMetrics> metrics = matching.match(recording);

        assertThat(metrics.get(VOLUME_ANOMALY).detected()).isZero();
        TypeMetrics bursts = metrics.get(VOLATILITY_BURST);
        assertThat(bursts.crossType()).isEqualTo(1);
        assertThat(bursts.falsePositives()).isZero();
        assertThat(bursts.truePositives()).isZero();
        assertThat(bursts.precision()).isNaN();
        assertThat(bursts.strictPrecision()).isEqualTo(0.0);
    }

    @Test
    void anEpisodeOpenedBeforeTheLabelThatReachesIntoItDetectsItWithTheDelayOfTheFirstFindingInside() {
        var recording = recording(List.of(label(BTC, VOLATILITY_BURST, 100, 200, 400)),
                List.of(episode("a", BTC, VOLATILITY_BURST, 60, 110)),
                List.of(detection(BTC, VOLATILITY_BURST, 60, 240), detection(BTC, VOLATILITY_BURST, 107, 428)));

        TypeMetrics bursts = matching.match(recording).get(VOLATILITY_BURST);

        assertThat(bursts.detected()).isEqualTo(1);
        assertThat(bursts.truePositives()).isEqualTo(1);
        assertThat(bursts.delayTicks()).containsExactly(28L);
        assertThat(bursts.delays()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void missedLabelsLowerRecallAndAlertsAwayFromLabelsLowerPrecision() {
        var labels = List.of(label(BTC, PRICE_SPIKE, 100, 130, 400), label(BTC, PRICE_SPIKE, 1_000, 1_030, 4_000),
                label(ETH, PRICE_SPIKE, 100, 130, 380), label(ETH, PRICE_SPIKE, 2_000, 2_030, 8_000));
        var episodes = List.of(episode("a", BTC, PRICE_SPIKE, 100, 100), episode("b", ETH, PRICE_SPIKE, 2_003, 2_003),
                episode("c", ETH, PRICE_SPIKE, 3_000, 3_000));
        var detections = List.of(detection(BTC, PRICE_SPIKE, 100, 400), detection(ETH, PRICE_SPIKE, 2_003, 8_012),
                detection(ETH, PRICE_SPIKE, 3_000, 12_000));

        TypeMetrics spikes = matching.match(recording(labels, episodes, detections)).get(PRICE_SPIKE);

        assertThat(spikes.recall()).isEqualTo(0.5);
        assertThat(spikes.precision()).isEqualTo(2.0 / 3.0);
        assertThat(spikes.delayTicks()).containsExactlyInAnyOrder(0L, 12L);
        assertThat(spikes.medianDelayTicks()).isEqualTo(6.0);
        assertThat(spikes.medianDelaySeconds()).isEqualTo(1.5);
    }

    @Test
    void aNegativeGraceIsRefused() {
        assertThatThrownBy(() -> new Matching(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    static Labelled label(String symbol, AlertType type, int startSecond, int endSecond, long startTick) {
        return new Labelled(symbol, type, T0.plusSeconds(startSecond), T0.plusSeconds(endSecond), startTick);
    }

    static Episode episode(String id, String symbol, AlertType type, int startSecond, int endSecond) {
        return new Episode(id, symbol, type, T0.plusSeconds(startSecond), T0.plusSeconds(endSecond));
    }

    static Detection detection(String symbol, AlertType type, int second, long tick) {
        return new Detection(symbol, type, T0.plusSeconds(second), tick);
    }

    static Recording recording(List<Labelled> labels, List<Episode> episodes, List<Detection> detections) {
        return new Recording(labels, episodes, detections, 10_000, 2, Duration.ofHours(1));
    }
}
