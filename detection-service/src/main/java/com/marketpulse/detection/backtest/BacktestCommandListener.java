package com.marketpulse.detection.backtest;

import com.marketpulse.detection.kafka.RejectedRecordException;
import com.marketpulse.detection.kafka.ValueChecks;
import com.marketpulse.events.BacktestCommand;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJsonDeserializer;
import com.marketpulse.settings.MarketPulseSettings;
import com.marketpulse.detection.core.DetectionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stores each run's START (its detector overrides) and CANCEL from {@code backtest.commands}, and on a DELETE
 * removes what the run produced (its row stays, cancelled, so a late feature of it is skipped, not scored again), in a consumer group of
 * its own: ingestion reads the same commands to replay the input. A command that can never be stored (no run id,
 * overrides the detector refuses) goes to {@code backtest.commands.DLT}.
 */
@Component
class BacktestCommandListener {

    private static final Logger log = LoggerFactory.getLogger(BacktestCommandListener.class);

    private final BacktestRuns runs;
    private final DetectionSettings live;

    BacktestCommandListener(BacktestRuns runs, MarketPulseSettings settings) {
        this.runs = runs;
        this.live = settings.detection();
    }

    @KafkaListener(id = "detection-backtest-commands", topics = Topics.BACKTEST_COMMANDS,
            groupId = "detection-backtest-commands",
            properties = EventJsonDeserializer.VALUE_TYPE + "=com.marketpulse.events.BacktestCommand")
    void on(BacktestCommand command) {
        check(command);
        switch (command.action()) {
            case START -> {
                runs.start(command);
                log.info("Backtest run {} of {} started with overrides {}", command.runId(), command.owner(),
                        command.overrides());
            }
            case CANCEL -> {
                runs.cancel(command);
                log.info("Backtest run {} cancelled: its remaining features are skipped", command.runId());
            }
            case DELETE -> {
                runs.cancel(command);
                int rows = runs.deleteResults(command.runId());
                log.info("Backtest run {} deleted: {} alert, bar and label row(s) removed", command.runId(), rows);
            }
        }
    }

    private void check(BacktestCommand command) {
        ValueChecks.require(command.runId() != null && !command.runId().isBlank(), "no run id");
        ValueChecks.shortText("runId", command.runId());
        ValueChecks.require(command.owner() != null, "no owner");
        ValueChecks.shortText("owner", command.owner());
        ValueChecks.require(command.action() != null, "no action");
        ValueChecks.require(command.requestedAt() != null, "no requestedAt");
        try {
            live.overriddenBy(command.overrides());
        } catch (IllegalArgumentException e) {
            throw new RejectedRecordException("invalid_overrides", e.getMessage());
        }
    }
}
