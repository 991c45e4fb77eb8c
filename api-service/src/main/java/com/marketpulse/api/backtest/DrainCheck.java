package com.marketpulse.api.backtest;

import java.util.List;
import java.util.Map;

import com.marketpulse.events.Topics;

/**
 * Whether the pipeline has worked through a run. When ingestion reports a run PUBLISHED, every record of it is
 * below the end offsets of the replay topics it wrote: once every consumer group reading those topics has committed
 * at least those offsets, feature-service has consumed the run (stage 1). Its outputs are then below the end offsets
 * of its replay topics, and once detection's groups have passed those (stage 2), the run's alerts and bars are
 * stored. Other runs publishing at the same time only add records above the marks, so they never hold a run back.
 * A topic no group reads holds nothing back.
 */
final class DrainCheck {

    /** What ingestion writes for a run: read by feature-service (and detection for labels). */
    static final List<String> STAGE_1 = List.of(Topics.MARKET_CRYPTO_REPLAY, Topics.MARKET_QUOTES_REPLAY,
            Topics.MARKET_SOURCE_BARS_REPLAY, Topics.MARKET_LABELS_REPLAY);
    /** What feature-service writes for a run: read by detection-service. */
    static final List<String> STAGE_2 = List.of(Topics.MARKET_FEATURES_REPLAY, Topics.MARKET_BARS_REPLAY);

    private DrainCheck() {
    }

    /**
     * @param marks     offset each partition ({@code topic:partition}) must reach
     * @param committed per consumer group, its committed offset per partition ({@code topic:partition})
     */
    static boolean drained(Map<String, Long> marks, Map<String, Map<String, Long>> committed) {
        for (Map<String, Long> group : committed.values()) {
            boolean reads = group.keySet().stream().anyMatch(marks::containsKey);
            if (!reads) {
                continue;
            }
            for (Map.Entry<String, Long> mark : marks.entrySet()) {
                if (mark.getValue() > 0 && readsTopic(group, mark.getKey())
                        && group.getOrDefault(mark.getKey(), 0L) < mark.getValue()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A group that reads a topic must pass the marks of all its partitions, even those it has not committed yet. */
    private static boolean readsTopic(Map<String, Long> group, String partition) {
        String topic = topicOf(partition);
        return group.keySet().stream().anyMatch(p -> topicOf(p).equals(topic));
    }

    static String key(String topic, int partition) {
        return topic + ":" + partition;
    }

    private static String topicOf(String partition) {
        return partition.substring(0, partition.lastIndexOf(':'));
    }
}
