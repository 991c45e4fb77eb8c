package com.marketpulse.api.backtest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.contract.BacktestState;

/**
 * The jobs' clockwork: a draining run becomes DONE once the pipeline has worked through it ({@link DrainCheck}),
 * and a run finished longer ago than the retention is deleted.
 */
@Component
class BacktestSweeper {

    private static final Logger log = LoggerFactory.getLogger(BacktestSweeper.class);

    private final BacktestRepository jobs;
    private final PipelineOffsets offsets;
    private final BacktestService service;
    private final Clock clock;
    private final Duration drainTimeout;
    private final Duration retention;

    BacktestSweeper(BacktestRepository jobs, PipelineOffsets offsets, BacktestService service, Clock clock,
                    MarketPulseProperties properties) {
        this.jobs = jobs;
        this.offsets = offsets;
        this.service = service;
        this.clock = clock;
        this.drainTimeout = properties.api().backtests().drainTimeout();
        this.retention = properties.api().backtests().retention();
    }

    /** Every second: how far the draining runs are. */
    @Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
    void checkDraining() {
        List<BacktestRepository.Draining> draining = jobs.draining();
        for (BacktestRepository.Draining run : draining) {
            try {
                advance(run);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.debug("backtest {}: Kafka not readable for the drain check ({}); next round", run.id(),
                        e.getMessage());
            }
        }
    }

    private void advance(BacktestRepository.Draining run) throws Exception {
        Instant now = clock.instant();
        if (run.stage() == null) {
            jobs.drainStage(run.id(), 1, offsets.ends(DrainCheck.STAGE_1));
            return;
        }
        List<String> topics = run.stage() == 1 ? DrainCheck.STAGE_1 : DrainCheck.STAGE_2;
        Map<String, Map<String, Long>> committed = offsets.committed(topics);
        if (DrainCheck.drained(run.marks(), committed)) {
            if (run.stage() == 1) {
                jobs.drainStage(run.id(), 2, offsets.ends(DrainCheck.STAGE_2));
            } else {
                jobs.finish(run.id(), BacktestState.DONE, null, now);
                log.info("backtest {} done: the pipeline has worked through it", run.id());
            }
        } else if (run.publishedAt() != null && run.publishedAt().plus(drainTimeout).isBefore(now)) {
            jobs.finish(run.id(), BacktestState.DONE, "The pipeline had not worked through the run " + drainTimeout
                    + " after it was published (consumer groups behind: " + committed.keySet()
                    + "); its results may be incomplete.", now);
            log.warn("backtest {} marked done after the drain timeout; groups {} still behind", run.id(),
                    committed.keySet());
        }
    }

    /** Every minute: runs finished longer ago than the retention are deleted. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 10_000)
    void purgeExpired() {
        for (BacktestRepository.Job job : jobs.finishedBefore(clock.instant().minus(retention))) {
            service.delete(job, jobs.ownerName(job));
            log.info("backtest {} deleted: finished more than {} ago", job.id(), retention);
        }
    }
}
