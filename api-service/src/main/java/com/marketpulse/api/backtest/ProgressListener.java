package com.marketpulse.api.backtest;

import java.time.Clock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.marketpulse.events.BacktestProgress;
import com.marketpulse.events.Topics;

/**
 * Applies ingestion's progress reports to the jobs. A report of a run the API does not know (another deployment's,
 * or a deleted job's) changes nothing and is counted.
 */
@Component
class ProgressListener {

    private static final Logger log = LoggerFactory.getLogger(ProgressListener.class);

    private final BacktestRepository jobs;
    private final Clock clock;
    private final Counter ignored;

    ProgressListener(BacktestRepository jobs, Clock clock, MeterRegistry meters) {
        this.jobs = jobs;
        this.clock = clock;
        this.ignored = meters.counter("marketpulse.api.backtest.progress.ignored");
    }

    @KafkaListener(topics = Topics.BACKTEST_PROGRESS, groupId = BacktestKafkaConfig.PROGRESS_GROUP,
            containerFactory = "backtestProgressFactory")
    void on(BacktestProgress progress) {
        if (progress == null || progress.state() == null) {
            ignored.increment();
            return;
        }
        if (!jobs.applyProgress(progress, clock.instant())) {
            ignored.increment();
            log.debug("progress of run {} ({}) changed no job", progress.runId(), progress.state());
        }
    }
}
