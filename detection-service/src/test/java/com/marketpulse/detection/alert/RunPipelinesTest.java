package com.marketpulse.detection.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.detection.backtest.BacktestRun;
import com.marketpulse.detection.core.AnomalyForest;
import com.marketpulse.detection.core.DetectorModel;
import com.marketpulse.detection.core.ScoringPipeline;
import com.marketpulse.detection.core.episode.EpisodeStore;
import com.marketpulse.detection.support.Features;
import com.marketpulse.events.BacktestCommand.Overrides;
import com.marketpulse.settings.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each run's detector state, on a clock the test moves: settings per run, the START wait, cancel, idle expiry. */
class RunPipelinesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final DetectorModel MODEL = DetectorModel.bootstrap("test", 256, 7,
            new AnomalyForest.Options(30, 0.5, 0), Instant.EPOCH);
    private static final Overrides FIVE_PERCENT = new Overrides(null, null, null, null, 0.05, 0.05, 0.05, null,
            null);

    private final Moving clock = new Moving(NOW);
    private final Map<String, BacktestRun> table = new HashMap<>();
    private int lookups;
    private final RunPipelines runs = new RunPipelines(runId -> {
        lookups++;
        return Optional.ofNullable(table.get(runId));
    }, () -> MODEL, Settings.defaults().detection(), EpisodeStore.none(), clock, Duration.ofMinutes(30),
            Duration.ofSeconds(30), clock::advance);

    private void started(String runId, Overrides overrides) {
        table.put(runId, new BacktestRun(runId, "alice", overrides, NOW, null));
    }

    private static boolean alerts(ScoringPipeline pipeline, String runId) {
        return !pipeline.score(Features.run(Features.crash("DOT/USD", NOW, 3), runId)).isEmpty();
    }

    @Test
    void eachRunIsJudgedWithItsOwnSettingsAndItsOwnPipeline() {
        started("live-like", Overrides.NONE);
        started("strict", FIVE_PERCENT);

        ScoringPipeline liveLike = runs.pipelineFor("live-like").orElseThrow();
        ScoringPipeline strict = runs.pipelineFor("strict").orElseThrow();

        assertThat(liveLike).isNotSameAs(strict).isSameAs(runs.pipelineFor("live-like").orElseThrow());
        assertThat(alerts(liveLike, "live-like")).isTrue();
        assertThat(alerts(strict, "strict")).isFalse();
    }

    @Test
    void aRunWithoutAStartWaitsForItThenIsJudgedWithTheLiveSettings() {
        ScoringPipeline pipeline = runs.pipelineFor("unknown").orElseThrow();

        assertThat(Duration.between(NOW, clock.instant())).as("waited").isGreaterThanOrEqualTo(Duration.ofSeconds(30))
                .isLessThan(Duration.ofSeconds(31));
        assertThat(alerts(pipeline, "unknown")).as("live settings").isTrue();
        int looked = lookups;
        runs.pipelineFor("unknown");
        assertThat(lookups).as("the wait is paid once per run").isEqualTo(looked);
    }

    @Test
    void aStartStoredDuringTheWaitIsUsed() {
        clock.whenPast(NOW.plusSeconds(2), () -> started("late", FIVE_PERCENT));

        ScoringPipeline pipeline = runs.pipelineFor("late").orElseThrow();

        assertThat(Duration.between(NOW, clock.instant())).isLessThan(Duration.ofSeconds(3));
        assertThat(alerts(pipeline, "late")).isFalse();
    }

    @Test
    void aCancelledRunIsSkippedWhetherTheCancelIsStoredHereOrByAnotherInstance() {
        started("here", Overrides.NONE);
        started("elsewhere", Overrides.NONE);
        runs.pipelineFor("here").orElseThrow();
        runs.pipelineFor("elsewhere").orElseThrow();

        table.put("here", new BacktestRun("here", "alice", Overrides.NONE, NOW, NOW));
        runs.changed("here");
        table.put("elsewhere", new BacktestRun("elsewhere", "alice", Overrides.NONE, NOW, NOW));

        assertThat(runs.pipelineFor("here")).isEmpty();
        assertThat(runs.pipelineFor("elsewhere")).as("not re-read within a second").isPresent();
        clock.advance(RunPipelines.RECHECK.plusMillis(1));
        assertThat(runs.pipelineFor("elsewhere")).isEmpty();
    }

    @Test
    void aRunsStateIsDroppedOnceItHasBeenIdleLongerThanTheTtl() {
        started("finished", Overrides.NONE);
        started("busy", Overrides.NONE);
        runs.pipelineFor("finished");
        clock.advance(Duration.ofMinutes(20));
        runs.pipelineFor("busy");
        clock.advance(Duration.ofMinutes(11));

        runs.expireIdle();

        assertThat(runs.runsWithState()).containsExactly("busy");
    }

    /** A clock that moves only when told to (the START wait's sleeps move it), and can act once past a time. */
    private static final class Moving extends Clock {
        private Instant now;
        private Instant trigger;
        private Runnable action;

        Moving(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
            if (trigger != null && now.isAfter(trigger)) {
                action.run();
                trigger = null;
            }
        }

        void whenPast(Instant time, Runnable then) {
            trigger = time;
            action = then;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
