package com.marketpulse.ingestion.backtest;

import com.marketpulse.events.BacktestCommand;
import com.marketpulse.events.BacktestProgress;
import com.marketpulse.events.BacktestProgress.State;
import com.marketpulse.ingestion.IngestionProperties;
import com.marketpulse.ingestion.publish.BacktestPublisher;
import com.marketpulse.ingestion.publish.TickPublisher;
import com.marketpulse.ingestion.publish.TopicTail;
import com.marketpulse.settings.MarketPulseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs backtests beside the live source: a START queues its run, at most {@code marketpulse.backtest.max-runs} replay
 * at once (each on a thread of its own) and the others wait their turn in the order they came; a CANCEL stops a
 * running run at its next row (or takes a waiting one out of the queue). Every run, waiting or running, reports its
 * progress every {@code progress-every} and once at its end. At start, runs an earlier instance left RUNNING are
 * reported FAILED ({@link InterruptedRuns}); at a clean stop the runs of this one are.
 */
@Component
final class BacktestRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BacktestRunner.class);
    static final String STOPPED = "interrupted: ingestion-service stopped while this run was replaying or waiting its"
            + " turn; start it again";

    private final IngestionProperties.Backtest settings;
    private final RunInputs inputs;
    private final BacktestPublisher publisher;
    private final ProgressPublisher progress;
    private final CommandConsumer commands;
    private final InterruptedRuns interrupted;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, BacktestRun> waiting = new LinkedHashMap<>();
    private final Map<String, Thread> running = new LinkedHashMap<>();
    private final Map<String, BacktestRun> runs = new LinkedHashMap<>();
    private ScheduledExecutorService ticker;
    private Thread starter;
    private volatile boolean active;
    private volatile boolean interruptedReported;

    BacktestRunner(IngestionProperties properties, MarketPulseSettings settings, BacktestPublisher publisher,
                   ProgressPublisher progress, KafkaProperties kafka) {
        this.settings = properties.backtest();
        this.inputs = new RunInputs(settings, Clock.systemUTC());
        this.publisher = publisher;
        this.progress = progress;
        this.commands = new CommandConsumer(kafka, progress);
        this.interrupted = new InterruptedRuns(new TopicTail(kafka));
    }

    /** True once runs left by an earlier instance are reported and commands are being read. */
    boolean ready() {
        return interruptedReported && commands.assigned();
    }

    synchronized void on(BacktestCommand command) {
        switch (command.action()) {
            case START -> queue(command);
            case CANCEL, DELETE -> cancel(command.runId());
        }
    }

    private void queue(BacktestCommand command) {
        if (runs.containsKey(command.runId())) {
            log.info("Run {} is already {}; START ignored", command.runId(),
                    running.containsKey(command.runId()) ? "running" : "waiting");
            return;
        }
        if (command.requestedAt() != null
                && command.requestedAt().isBefore(clock.instant().minus(settings.interruptedLookback()))) {
            log.warn("Run {} was requested at {}, longer ago than marketpulse.backtest.interrupted-lookback: not"
                    + " started (an old command read again)", command.runId(), command.requestedAt());
            return;
        }
        BacktestRun run = new BacktestRun(command, publisher, clock);
        runs.put(run.runId(), run);
        waiting.put(run.runId(), run);
        log.info("Run {} of {} queued ({} running, {} waiting)", run.runId(), command.owner(), running.size(),
                waiting.size());
        progress.report(run.progress());
        dispatch();
    }

    private void cancel(String runId) {
        BacktestRun queued = waiting.remove(runId);
        if (queued != null) {
            runs.remove(runId);
            end(queued, State.CANCELLED, null);
            return;
        }
        Thread thread = running.get(runId);
        if (thread == null) {
            log.info("CANCEL of run {} ignored: it is not running here", runId);
            return;
        }
        log.info("Cancelling run {}", runId);
        runs.get(runId).cancel();
        thread.interrupt();
    }

    private void dispatch() {
        while (active && running.size() < settings.maxRuns() && !waiting.isEmpty()) {
            BacktestRun run = waiting.values().iterator().next();
            waiting.remove(run.runId());
            running.put(run.runId(), Thread.ofPlatform().name("backtest-" + run.runId()).daemon()
                    .start(() -> execute(run)));
        }
    }

    private void execute(BacktestRun run) {
        State end = State.FAILED;
        String why = null;
        try {
            RunInput input = inputs.open(run.command());
            run.started(input);
            log.info("Run {} replaying {}", run.runId(), input.describe());
            input.replay(run);
            RunSettle.await(run);
            if (run.handedRows() == 0) {
                why = run.progress().rowsRead() == 0 ? "no rows: the input holds no data" + inputs.range(run.command())
                        : "no usable rows: every row of the input is bad (see the bad rows)";
            } else {
                end = State.PUBLISHED;
            }
        } catch (InterruptedException e) {
            RunSettle.awaitQuietly(run);
            if (run.cancelled()) {
                end = State.CANCELLED;
            } else {
                why = STOPPED;
            }
        } catch (IllegalArgumentException e) {
            why = e.getMessage();
        } catch (IOException | UncheckedIOException | RunSettle.NotAcknowledged e) {
            RunSettle.awaitQuietly(run);
            why = "cannot replay the input: " + e.getMessage();
        } catch (RuntimeException e) {
            log.error("Run {} failed", run.runId(), e);
            RunSettle.awaitQuietly(run);
            why = "failed: " + e;
        }
        synchronized (this) {
            running.remove(run.runId());
            runs.remove(run.runId());
            dispatch();
        }
        end(run, end, why);
    }

    private void end(BacktestRun run, State state, String why) {
        synchronized (run) {
            run.finish(state, why);
            BacktestProgress last = run.progress();
            progress.reportFinal(last);
            log.info("Run {} {}: {} rows read, {} published, {} dead-lettered, {} bad rows{}", run.runId(), state,
                    last.rowsRead(), last.published(), last.deadLettered(), last.badRows(),
                    why == null ? "" : " (" + why + ")");
        }
    }

    private void tick() {
        List<BacktestRun> current;
        synchronized (this) {
            current = new ArrayList<>(runs.values());
        }
        for (BacktestRun run : current) {
            synchronized (run) {
                if (!run.state().finished()) {
                    progress.report(run.progress());
                }
            }
        }
    }

    private void reportInterruptedThenRead() {
        while (active && !interruptedReported) {
            try {
                reportInterrupted();
            } catch (RuntimeException e) {
                log.warn("Cannot read backtest.progress yet ({}); retrying in 5 s", e.toString());
                try {
                    Thread.sleep(Duration.ofSeconds(5));
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
        if (active) {
            commands.start(this::on);
        }
    }

    /** Reports FAILED every run an earlier instance left RUNNING (and this one does not run). */
    void reportInterrupted() {
        for (BacktestProgress last : interrupted.find(clock.instant().minus(settings.interruptedLookback()))) {
            synchronized (this) {
                if (runs.containsKey(last.runId())) {
                    continue;
                }
            }
            log.warn("Run {} was left running by an earlier instance (last report {}): reported FAILED",
                    last.runId(), last.at());
            progress.reportFinal(InterruptedRuns.failed(last, clock.instant()));
        }
        interruptedReported = true;
    }

    @Override
    public void start() {
        active = true;
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("backtest-progress").daemon()
                .factory());
        long every = settings.progressEvery().toMillis();
        ticker.scheduleAtFixedRate(this::tick, every, every, TimeUnit.MILLISECONDS);
        starter = Thread.ofPlatform().name("backtest-start").daemon().start(this::reportInterruptedThenRead);
    }

    @Override
    public void stop() {
        active = false;
        starter.interrupt();
        commands.stop();
        List<Thread> threads;
        synchronized (this) {
            for (BacktestRun run : waiting.values()) {
                end(run, State.FAILED, STOPPED);
            }
            waiting.clear();
            threads = new ArrayList<>(running.values());
            threads.forEach(Thread::interrupt);
        }
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ticker.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return active;
    }

    /** After the backtests' publisher starts, before it stops (so a stopped run's last rows are still sent). */
    @Override
    public int getPhase() {
        return TickPublisher.LIFECYCLE_PHASE + 500;
    }
}
