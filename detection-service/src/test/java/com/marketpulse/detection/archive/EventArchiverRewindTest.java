package com.marketpulse.detection.archive;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketpulse.events.Topics;
import com.marketpulse.events.Tick;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the fault suite found after the broker's kill -9: a partition rewound while its next batch was already
 * fetched wrote that batch, then read the same offsets again into the same file. Each offset is archived once.
 */
class EventArchiverRewindTest {

    private static final TopicPartition PARTITION = new TopicPartition(Topics.MARKET_CRYPTO, 0);
    private static final Instant T0 = Instant.parse("2026-12-03T17:38:00Z");

    @TempDir
    Path root;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T17:40:00Z"));

    /** A consumer whose broker can be made unreachable for commits and offset look-ups. */
    private static final class Consumer extends MockConsumer<String, Tick> {
        boolean brokerAway;

        Consumer() {
            super("earliest");
        }

        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            if (brokerAway) {
                throw new KafkaException("broker away");
            }
            super.commitSync(offsets);
        }

        @Override
        public synchronized Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions) {
            if (brokerAway) {
                throw new KafkaException("broker away");
            }
            return super.committed(partitions);
        }
    }

    private static List<ConsumerRecord<String, Tick>> records(long from, long to) {
        return LongStream.range(from, to).mapToObj(i -> new ConsumerRecord<>(PARTITION.topic(),
                PARTITION.partition(), i, "BTC/USD", Tick.live("alpaca", "us", "BTC/USD", T0.plusSeconds(i),
                        93_000 + i, 0.05, Long.toString(7_000_000_000L + i), "B"))).toList();
    }

    private List<Long> archivedOffsets() {
        return TickArchiveReader.files(root).stream().flatMap(f -> TickArchiveReader.read(f).stream())
                .map(ArchivedTick::offset).sorted().toList();
    }

    @Test
    void aBatchFetchedBeforeARewindIsNotWrittenAndTheReReadOffsetsAreArchivedOnce() {
        var archive = new TickArchive(root, 3, Duration.ofMinutes(1), clock);
        var archiver = new EventArchiver<>(Topics.MARKET_CRYPTO, archive, null, tick -> { }, new SimpleMeterRegistry());
        var consumer = new Consumer();
        consumer.assign(List.of(PARTITION));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));

        // the generation 0-2 is full, but the broker dies before its commit, and the rewind cannot ask for the
        // committed offset either
        consumer.brokerAway = true;
        archiver.on(records(0, 3), consumer);
        // the broker is back; the batch fetched meanwhile continues from where the consumer was
        consumer.brokerAway = false;
        archiver.on(records(3, 5), consumer);

        assertThat(archive.pending(0)).as("the stale batch is not written").isZero();
        assertThat(consumer.position(PARTITION)).as("rewound to the committed (no) offset").isZero();

        archiver.on(records(0, 5), consumer);

        assertThat(archivedOffsets()).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(consumer.committed(Set.of(PARTITION)).get(PARTITION).offset()).isEqualTo(5);
    }

    @Test
    void anOffsetReadAgainIntoTheOpenGenerationIsRefused() {
        var archive = new TickArchive(root, 100, Duration.ofMinutes(1), clock);
        records(0, 3).forEach(r -> archive.append(0, r.offset(), r.value()));

        assertThatThrownBy(() -> archive.append(0, 1, records(1, 2).getFirst().value()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("offset 1");
        assertThat(archive.seal(0)).hasValue(3);
        assertThat(archivedOffsets()).containsExactly(0L, 1L, 2L);
    }
}
