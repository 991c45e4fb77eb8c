package com.marketpulse.detection.alert;

import com.marketpulse.detection.backtest.BacktestRun;
import com.marketpulse.detection.core.DetectionSettings;
import com.marketpulse.detection.core.Detector;
import com.marketpulse.detection.core.DetectorModel;
import com.marketpulse.detection.core.ScoringPipeline;
import com.marketpulse.detection.core.episode.EpisodeStore;
import com.marketpulse.detection.core.episode.EpisodeTracker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detector state of each backtest run, keyed by run id: its own {@link ScoringPipeline} (the model in use, the
 * live {@link DetectionSettings} changed by the run's overrides, its own episodes), never shared with live scoring
 * or another run. A run's state is built at its first step from {@code detection.backtest_runs}, re-read at most
 * once a second (a CANCEL stored by another instance) and at once when this instance stores a command of the run,
 * and dropped once the run has been idle for {@code idleTtl}; a later step rebuilds it, its open episodes
 * recovered from the stored alerts as after a restart.
 *
 * <p>A run whose START is not stored yet (detection's command consumer is behind the replay, or the replay was
 * started without the API) is waited for up to {@code startWait}: commands are tiny and read by their own consumer,
 * so the START is normally there long before the first feature has been through feature-service. After the wait
 * the run is judged with the live settings, and the log says so.
 */
final class RunPipelines {

    /** How long a step waits between two looks for its run's START. */
    static final Duration START_POLL = Duration.ofMillis(200);
    /** How stale a run's cancellation may be when another instance stored the CANCEL. */
    static final Duration RECHECK = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(RunPipelines.class);

    /** Waits between two looks for a START; {@code Thread::sleep} in the service, a moved clock in tests. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Function<String, Optional<BacktestRun>> runs;
    private final Supplier<DetectorModel> model;
    private final DetectionSettings live;
    private final EpisodeStore store;
    private final Clock clock;
    private final Duration idleTtl;
    private final Duration startWait;
    private final Sleeper sleeper;
    private final Map<String, RunState> states = new ConcurrentHashMap<>();
    private volatile Instant lastSweep = Instant.MIN;

    RunPipelines(Function<String, Optional<BacktestRun>> runs, Supplier<DetectorModel> model,
                 DetectionSettings live, EpisodeStore store, Clock clock, Duration idleTtl, Duration startWait,
                 Sleeper sleeper) {
        this.runs = runs;
        this.model = model;
        this.live = live;
        this.store = store;
        this.clock = clock;
        this.idleTtl = idleTtl;
        this.startWait = startWait;
        this.sleeper = sleeper;
    }

    /** The pipeline to judge the run's next step with; empty while the run is cancelled (skip the step). */
    Optional<ScoringPipeline> pipelineFor(String runId) {
        Instant now = clock.instant();
        if (Duration.between(lastSweep, now).compareTo(RECHECK) > 0) {
            expireIdle();
        }
        RunState state = states.get(runId);
        if (state == null) {
            state = open(runId);
            states.put(runId, state);
        } else if (Duration.between(state.checkedAt, now).compareTo(RECHECK) > 0) {
            state.cancelled = runs.apply(runId).map(BacktestRun::cancelled).orElse(false);
            state.checkedAt = now;
        }
        state.usedAt = now;
        return state.cancelled ? Optional.empty() : Optional.of(state.pipeline);
    }

    /** A command of the run was stored here: its state is read again at its next step. */
    void changed(String runId) {
        states.remove(runId);
    }

    /** A new model (retrained) takes over every run's scoring, as it does live. */
    void swap(DetectorModel retrained) {
        states.values().forEach(state -> state.pipeline.swap(new Detector(retrained, state.settings)));
    }

    /** Drops the state of every run idle for longer than {@code idleTtl}. */
    void expireIdle() {
        Instant now = clock.instant();
        lastSweep = now;
        states.entrySet().removeIf(entry -> {
            boolean idle = Duration.between(entry.getValue().usedAt, now).compareTo(idleTtl) > 0;
            if (idle) {
                log.info("Dropped the detector state of backtest run {}: idle for more than {}", entry.getKey(),
                        idleTtl);
            }
            return idle;
        });
    }

    /** The runs that have detector state now. */
    java.util.Set<String> runsWithState() {
        return java.util.Set.copyOf(states.keySet());
    }

    private RunState open(String runId) {
        Optional<BacktestRun> run = runs.apply(runId);
        Instant deadline = clock.instant().plus(startWait);
        while (run.map(r -> !r.started() && !r.cancelled()).orElse(true) && clock.instant().isBefore(deadline)) {
            try {
                sleeper.sleep(START_POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the START of run " + runId, e);
            }
            run = runs.apply(runId);
        }
        DetectionSettings settings = live;
        if (run.map(BacktestRun::started).orElse(false)) {
            settings = live.overriddenBy(run.get().overrides());
        } else if (run.map(BacktestRun::cancelled).orElse(false)) {
            log.info("Backtest run {} was cancelled before it started: its steps are skipped", runId);
        } else {
            log.warn("Backtest run {} has no START after {}: judged with the live detector settings", runId,
                    startWait);
        }
        var pipeline = new ScoringPipeline(new Detector(model.get(), settings),
                new EpisodeTracker(settings.cooldown(), store, clock));
        Instant now = clock.instant();
        return new RunState(pipeline, settings, run.map(BacktestRun::cancelled).orElse(false), now);
    }

    private static final class RunState {
        final ScoringPipeline pipeline;
        final DetectionSettings settings;
        volatile boolean cancelled;
        volatile Instant checkedAt;
        volatile Instant usedAt;

        RunState(ScoringPipeline pipeline, DetectionSettings settings, boolean cancelled, Instant now) {
            this.pipeline = pipeline;
            this.settings = settings;
            this.cancelled = cancelled;
            this.checkedAt = now;
            this.usedAt = now;
        }
    }
}
