package com.marketpulse.feature;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StandbyUpdateListener;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.processor.TaskId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Says how this instance came by its feature state when it took over a task: how many changelog records it had to
 * restore and how long that took (a cold start replays the whole changelog; a standby replica that was kept warm on
 * this instance only the last commit's worth), and when a standby was promoted, how far behind the changelog's end
 * it was. Logged (the takeover test reads these lines) and counted in {@code marketpulse.feature.restore.records},
 * {@code marketpulse.feature.restore} (a timer) and {@code marketpulse.feature.standby.promoted}.
 */
@Component
class StateTransfers implements StateRestoreListener, StandbyUpdateListener {

    private static final Logger log = LoggerFactory.getLogger(StateTransfers.class);

    private final MeterRegistry meters;
    private final Timer restoreTime;
    private final Map<TopicPartition, Long> restoreStarts = new ConcurrentHashMap<>();

    StateTransfers(MeterRegistry meters) {
        this.meters = meters;
        this.restoreTime = meters.timer("marketpulse.feature.restore");
    }

    @Override
    public void onRestoreStart(TopicPartition changelog, String store, long startingOffset, long endingOffset) {
        restoreStarts.put(changelog, System.nanoTime());
        log.info("Restoring {} from {}: offsets {} to {} ({} records to read)", store, changelog, startingOffset,
                endingOffset, Math.max(0, endingOffset - startingOffset));
    }

    @Override
    public void onBatchRestored(TopicPartition changelog, String store, long batchEndOffset, long restored) {
        // the start and the end say enough
    }

    @Override
    public void onRestoreEnd(TopicPartition changelog, String store, long restored) {
        Long started = restoreStarts.remove(changelog);
        Duration took = Duration.ofNanos(started == null ? 0 : System.nanoTime() - started);
        restoreTime.record(took);
        meters.counter("marketpulse.feature.restore.records").increment(restored);
        log.info("Restored {} from {}: {} records in {} ms", store, changelog, restored, took.toMillis());
    }

    @Override
    public void onUpdateStart(TopicPartition changelog, String store, long startingOffset) {
        log.info("Standby of {} from {} starts at offset {}", store, changelog, startingOffset);
    }

    @Override
    public void onBatchLoaded(TopicPartition changelog, String store, TaskId task, long batchEndOffset,
                              long batchSize, long currentEndOffset) {
        // a standby follows the changelog continuously; only its end is worth a line
    }

    @Override
    public void onUpdateSuspended(TopicPartition changelog, String store, long storeOffset, long currentEndOffset,
                                  SuspendReason reason) {
        if (reason == SuspendReason.PROMOTED) {
            meters.counter("marketpulse.feature.standby.promoted").increment();
        }
        log.info("Standby of {} from {} {} at offset {} of {} ({} records behind)", store, changelog,
                reason == SuspendReason.PROMOTED ? "promoted to active" : "moved away", storeOffset,
                currentEndOffset, Math.max(0, currentEndOffset - storeOffset));
    }
}
