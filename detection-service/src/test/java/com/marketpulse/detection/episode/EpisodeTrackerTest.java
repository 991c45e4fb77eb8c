package com.marketpulse.detection.episode;

import static com.marketpulse.detection.scoring.Vectors.T0;
import static com.marketpulse.detection.scoring.Vectors.at;
import static com.marketpulse.detection.scoring.Vectors.calm;
import static com.marketpulse.detection.scoring.Vectors.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.detection.scoring.AnomalyForest;
import com.marketpulse.detection.scoring.DetectionRules;
import com.marketpulse.detection.scoring.Detector;
import com.marketpulse.detection.scoring.DetectorModel;
import com.marketpulse.detection.scoring.Finding;
import com.marketpulse.detection.scoring.Vectors;
import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.FeatureVector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EpisodeTrackerTest {

    private static final Duration COOLDOWN = Duration.ofSeconds(60);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T13:00:00Z"), ZoneOffset.UTC);
    private static Detector detector;

    private final EpisodeTracker tracker = new EpisodeTracker(COOLDOWN, EpisodeStore.none(), CLOCK);

    @BeforeAll
    static void bootstrap() {
        detector = new Detector(DetectorModel.bootstrap("m1", 1024, 3, new AnomalyForest.Options(50, 0.5, 0),
                Instant.EPOCH), DetectionRules.defaults(), 50);
    }

    private static FeatureVector spike(Instant time, double priceZ) {
        return with(calm(time), priceZ, priceZ * 5, 0.0, 1.0);
    }

    private List<EpisodeUpdate> process(FeatureVector v) {
        List<EpisodeUpdate> updates = tracker.apply(detector.detect(v));
        tracker.commit(updates);
        return updates;
    }

    @Test
    void consecutiveAnomalousVectorsMakeOneEpisodeWithItsPeakStartAndEnd() {
        Alert first = process(spike(T0, 5.2)).getFirst().alert();
        Alert peak = process(spike(T0.plusSeconds(1), 8.0)).getFirst().alert();
        Alert last = process(spike(T0.plusSeconds(2), 5.0)).getFirst().alert();

        assertThat(peak.alertId()).isEqualTo(first.alertId());
        assertThat(last.alertId()).isEqualTo(first.alertId());
        assertThat(last.eventTime()).isEqualTo(T0);
        assertThat(last.endTime()).isEqualTo(T0.plusSeconds(2));
        assertThat(last.severity()).isEqualTo(peak.severity()).isGreaterThan(first.severity());
        assertThat(last.price()).isEqualTo(peak.price());
        assertThat(last.explanation()).startsWith("price +8.0σ");
        assertThat(last.detectedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void theAlertIdIsDerivedFromSymbolTypeEpisodeStartAndRun() {
        Alert alert = process(spike(T0, 5.0)).getFirst().alert();

        assertThat(alert.alertId()).isEqualTo(AlertIds.of("BTC/USD", AlertType.PRICE_SPIKE, T0, null))
                .isNotEqualTo(AlertIds.of("BTC/USD", AlertType.PRICE_SPIKE, T0, "run-1"))
                .isNotEqualTo(AlertIds.of("BTC/USD", AlertType.PRICE_SPIKE, T0.plusNanos(1), null))
                .isNotEqualTo(AlertIds.of("ETH/USD", AlertType.PRICE_SPIKE, T0, null))
                .isNotEqualTo(AlertIds.of("BTC/USD", AlertType.VOLUME_ANOMALY, T0, null));
    }

    @Test
    void aFindingAfterTheCooldownOpensANewEpisode() {
        Alert first = process(spike(T0, 5.0)).getFirst().alert();
        Alert second = process(spike(T0.plus(COOLDOWN).plusSeconds(1), 5.0)).getFirst().alert();

        assertThat(second.alertId()).isNotEqualTo(first.alertId());
        assertThat(second.eventTime()).isEqualTo(T0.plus(COOLDOWN).plusSeconds(1));
    }

    @Test
    void aFindingWithinTheCooldownExtendsTheEpisode() {
        Alert first = process(spike(T0, 5.0)).getFirst().alert();
        Alert later = process(spike(T0.plus(COOLDOWN), 5.0)).getFirst().alert();

        assertThat(later.alertId()).isEqualTo(first.alertId());
        assertThat(later.endTime()).isEqualTo(T0.plus(COOLDOWN));
    }

    @Test
    void aRedeliveredVectorChangesNothing() {
        FeatureVector v = spike(T0, 5.0);
        EpisodeUpdate first = process(v).getFirst();
        EpisodeUpdate again = process(v).getFirst();

        assertThat(first.changed()).isTrue();
        assertThat(again.changed()).isFalse();
        assertThat(again.alert()).isEqualTo(first.alert());
    }

    @Test
    void anUpdateThatWasNeverCommittedIsProducedAgainOnRetry() {
        FeatureVector v = spike(T0, 5.0);
        EpisodeUpdate failed = tracker.apply(detector.detect(v)).getFirst();
        EpisodeUpdate retried = tracker.apply(detector.detect(v)).getFirst();

        assertThat(retried.changed()).isTrue();
        assertThat(retried.alert()).isEqualTo(failed.alert());
    }

    @Test
    void replayEpisodesAreKeptApartFromLiveOnes() {
        Alert live = process(spike(T0, 5.0)).getFirst().alert();
        Alert replay = process(Vectors.run(spike(T0.plusSeconds(1), 5.0), "run-7")).getFirst().alert();
        Alert liveAgain = process(spike(T0.plusSeconds(2), 5.0)).getFirst().alert();

        assertThat(replay.alertId()).isNotEqualTo(live.alertId());
        assertThat(replay.runId()).isEqualTo("run-7");
        assertThat(replay.eventTime()).isEqualTo(T0.plusSeconds(1));
        assertThat(liveAgain.alertId()).isEqualTo(live.alertId());
        assertThat(liveAgain.runId()).isNull();
    }

    @Test
    void anEpisodeWrittenBeforeARestartIsContinuedFromTheStore() {
        EpisodeTracker before = new EpisodeTracker(COOLDOWN, EpisodeStore.none(), CLOCK);
        List<EpisodeUpdate> written = before.apply(detector.detect(spike(T0, 5.0)));
        Alert stored = written.getFirst().alert();
        EpisodeStore store = (symbol, type, runId, from, to) -> symbol.equals(stored.symbol())
                && type == stored.type() && runId == null && !stored.eventTime().isAfter(to)
                && !stored.endTime().isBefore(from) ? Optional.of(stored) : Optional.empty();
        EpisodeTracker after = new EpisodeTracker(COOLDOWN, store, CLOCK);

        EpisodeUpdate redelivered = after.apply(detector.detect(spike(T0, 5.0))).getFirst();
        EpisodeUpdate next = after.apply(detector.detect(spike(T0.plusSeconds(3), 6.0))).getFirst();

        assertThat(redelivered.alert().alertId()).isEqualTo(stored.alertId());
        assertThat(redelivered.changed()).as("republished: the crash may have lost the publication").isTrue();
        assertThat(next.alert().alertId()).isEqualTo(stored.alertId());
        assertThat(next.alert().endTime()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void aSymbolsEpisodesDoNotMixAcrossTypes() {
        List<EpisodeUpdate> updates = process(with(calm(T0), 6.0, 25.0, 7.0, 1.0));

        assertThat(updates).extracting(u -> u.alert().type())
                .containsExactly(AlertType.PRICE_SPIKE, AlertType.VOLUME_ANOMALY);
        assertThat(updates.get(0).alert().alertId()).isNotEqualTo(updates.get(1).alert().alertId());
    }

    @Test
    void findsNothingToTrackInACalmVector() {
        List<Finding> none = detector.detect(at(calm(T0), T0.plusSeconds(5)));

        assertThat(tracker.apply(none)).isEmpty();
    }
}
