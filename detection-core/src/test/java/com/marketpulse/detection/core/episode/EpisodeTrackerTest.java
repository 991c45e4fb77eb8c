package com.marketpulse.detection.core.episode;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.detection.core.AnomalyForest;
import com.marketpulse.detection.core.DetectionSettings;
import com.marketpulse.detection.core.Detector;
import com.marketpulse.detection.core.DetectorModel;
import com.marketpulse.detection.core.Minimums;
import com.marketpulse.detection.core.ScoringPipeline;
import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.MarketFeatures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Episodes as the scoring pipeline makes them from decisive grid steps (moved from detection-service). */
class EpisodeTrackerTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00.123456789Z");
    private static final Duration COOLDOWN = Duration.ofMinutes(5);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T13:00:00Z"), ZoneOffset.UTC);
    private static Detector detector;

    private final EpisodeTracker tracker = new EpisodeTracker(COOLDOWN, EpisodeStore.none(), CLOCK);
    private final ScoringPipeline pipeline = new ScoringPipeline(detector, tracker);

    @BeforeAll
    static void bootstrap() {
        var settings = new DetectionSettings(Duration.ofHours(3), 5, 6, 3, 0.25, COOLDOWN,
                Map.of(DetectionSettings.DEFAULT, new Minimums(0.02, 0.025, 0.04, 250_000, 0.02)));
        detector = new Detector(DetectorModel.bootstrap("m1", 512, 3, new AnomalyForest.Options(50, 0.5, 0),
                Instant.EPOCH), settings);
    }

    /** A fall of {@code percent} over 5 minutes, after ten hours of history, volume and volatility usual. */
    private static MarketFeatures crash(Instant time, double percent, String runId) {
        double r5 = Math.log1p(-percent / 100);
        return new MarketFeatures(MarketFeatures.idOf("BTC/USD", time, runId), "BTC/USD", time,
                100 * (1 - percent / 100), 600, r5 / 3, r5, r5, 0.001, 0.003, 0.005, 0.003, 0.003, 50_000, 250_000,
                50_000, 0.0005, 5, runId);
    }

    private static MarketFeatures crash(Instant time, double percent) {
        return crash(time, percent, null);
    }

    private List<EpisodeUpdate> process(MarketFeatures f) {
        List<EpisodeUpdate> updates = pipeline.score(f);
        pipeline.commit(updates);
        return updates;
    }

    @Test
    void consecutiveFindingsMakeOneEpisodeWithItsPeakStartAndEnd() {
        Alert first = process(crash(T0, 5)).getFirst().alert();
        Alert peak = process(crash(T0.plusSeconds(1), 12)).getFirst().alert();
        Alert last = process(crash(T0.plusSeconds(2), 5)).getFirst().alert();

        assertThat(peak.alertId()).isEqualTo(first.alertId());
        assertThat(last.alertId()).isEqualTo(first.alertId());
        assertThat(last.eventTime()).isEqualTo(T0);
        assertThat(last.endTime()).isEqualTo(T0.plusSeconds(2));
        assertThat(last.severity()).isEqualTo(peak.severity()).isGreaterThan(first.severity());
        assertThat(last.price()).isEqualTo(peak.price());
        assertThat(last.explanation()).startsWith("BTC/USD −12.0 % in 5 min");
        assertThat(last.detectedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void aLongEpisodeIsRewrittenWhenItsPeakGrowsOrOncePerMinuteNotAtEveryStep() {
        int written = 0;
        for (int second = 0; second < 150; second++) {
            written += (int) process(crash(T0.plusSeconds(second), 5)).stream().filter(EpisodeUpdate::changed).count();
        }
        boolean deeper = process(crash(T0.plusSeconds(150), 9)).getFirst().changed();

        // the opening step, then one per later minute the end moves into (T0 is 12:00:00.12: 12:01, 12:02)
        assertThat(written).isEqualTo(3);
        assertThat(deeper).as("a deeper fall is written at once").isTrue();
    }

    @Test
    void theAlertIdIsDerivedFromSymbolTypeEpisodeStartAndRun() {
        Alert alert = process(crash(T0, 5)).getFirst().alert();

        assertThat(alert.alertId()).isEqualTo(AlertIds.of("BTC/USD", AlertType.PRICE_SPIKE, T0, null))
                .isNotEqualTo(AlertIds.of("BTC/USD", AlertType.PRICE_SPIKE, T0, "run-1"))
                .isNotEqualTo(AlertIds.of("BTC/USD", AlertType.PRICE_SPIKE, T0.plusNanos(1), null))
                .isNotEqualTo(AlertIds.of("ETH/USD", AlertType.PRICE_SPIKE, T0, null))
                .isNotEqualTo(AlertIds.of("BTC/USD", AlertType.VOLUME_ANOMALY, T0, null));
    }

    @Test
    void aFindingAfterTheCooldownOpensANewEpisode() {
        Alert first = process(crash(T0, 5)).getFirst().alert();
        Alert second = process(crash(T0.plus(COOLDOWN).plusNanos(1), 5)).getFirst().alert();

        assertThat(second.alertId()).isNotEqualTo(first.alertId());
    }

    @Test
    void aFindingWithinTheCooldownExtendsTheEpisode() {
        Alert first = process(crash(T0, 5)).getFirst().alert();
        Alert later = process(crash(T0.plus(COOLDOWN), 5)).getFirst().alert();

        assertThat(later.alertId()).isEqualTo(first.alertId());
        assertThat(later.endTime()).isEqualTo(T0.plus(COOLDOWN));
    }

    @Test
    void aRedeliveredStepChangesNothing() {
        MarketFeatures f = crash(T0, 5);
        EpisodeUpdate first = process(f).getFirst();
        EpisodeUpdate again = process(f).getFirst();

        assertThat(first.changed()).isTrue();
        assertThat(again.changed()).isFalse();
        assertThat(again.alert()).isEqualTo(first.alert());
    }

    @Test
    void anUpdateThatWasNeverCommittedIsProducedAgainOnRetry() {
        MarketFeatures f = crash(T0, 5);
        EpisodeUpdate failed = pipeline.score(f).getFirst();
        EpisodeUpdate retried = pipeline.score(f).getFirst();

        assertThat(retried.changed()).isTrue();
        assertThat(retried.alert()).isEqualTo(failed.alert());
    }

    @Test
    void replayEpisodesAreKeptApartFromLiveOnes() {
        Alert live = process(crash(T0, 5)).getFirst().alert();
        Alert replay = process(crash(T0.plusSeconds(1), 5, "run-7")).getFirst().alert();
        Alert liveAgain = process(crash(T0.plusSeconds(2), 5)).getFirst().alert();

        assertThat(replay.alertId()).isNotEqualTo(live.alertId());
        assertThat(replay.runId()).isEqualTo("run-7");
        assertThat(replay.eventTime()).isEqualTo(T0.plusSeconds(1));
        assertThat(liveAgain.alertId()).isEqualTo(live.alertId());
        assertThat(liveAgain.runId()).isNull();
    }

    @Test
    void anEpisodeWrittenBeforeARestartIsContinuedFromTheStore() {
        Alert stored = new ScoringPipeline(detector, new EpisodeTracker(COOLDOWN, EpisodeStore.none(), CLOCK))
                .score(crash(T0, 5)).getFirst().alert();
        EpisodeStore store = (symbol, type, runId, from, to) -> symbol.equals(stored.symbol())
                && type == stored.type() && runId == null && !stored.eventTime().isAfter(to)
                && !stored.endTime().isBefore(from) ? Optional.of(stored) : Optional.empty();
        var after = new ScoringPipeline(detector, new EpisodeTracker(COOLDOWN, store, CLOCK));

        EpisodeUpdate redelivered = after.score(crash(T0, 5)).getFirst();
        EpisodeUpdate next = after.score(crash(T0.plusSeconds(3), 6)).getFirst();

        assertThat(redelivered.alert().alertId()).isEqualTo(stored.alertId());
        assertThat(redelivered.changed()).as("republished: the crash may have lost the publication").isTrue();
        assertThat(next.alert().alertId()).isEqualTo(stored.alertId());
        assertThat(next.alert().endTime()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void findsNothingToTrackInACalmStep() {
        MarketFeatures calm = new MarketFeatures(MarketFeatures.idOf("BTC/USD", T0, null), "BTC/USD", T0, 100, 600,
                0.0002, -0.001, 0.002, 0.001, 0.003, 0.005, 0.003, 0.003, 50_000, 250_000, 50_000, 0.0005, 5, null);

        assertThat(pipeline.score(calm)).isEmpty();
    }
}
