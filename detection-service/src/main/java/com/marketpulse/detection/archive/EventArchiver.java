package com.marketpulse.detection.archive;

import com.marketpulse.detection.kafka.RejectedRecordException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Archives every event of one topic ({@code market.crypto}, {@code market.quotes} or {@code market.source-bars})
 * into its {@link EventArchive} and commits a partition's offset only after the archive has sealed the files that
 * hold its events. One instance per kind, each in its own consumer group. Runs on the consumer thread only: batches,
 * idle events and rebalance callbacks all arrive there.
 * <ul>
 *   <li>assigned: the partition is {@linkplain EventArchive#recover recovered} to its committed position;</li>
 *   <li>revoked (also on shutdown): open generations are sealed and committed;</li>
 *   <li>lost, or a failure while writing: the generation is abandoned and the partition re-read from its
 *       committed offset, so nothing is lost and nothing doubled;</li>
 *   <li>an unreadable or refused record (see the check) goes to {@code <topic>.DLT}, counted in
 *       {@code marketpulse.detection.dead.letters{topic,reason}}, and its offset is committed with the rest.</li>
 * </ul>
 * The counter {@code marketpulse.detection.<kind>.archived} counts the events of committed files only.
 *
 * @param <E> the event record
 */
class EventArchiver<E> {

    private static final Logger log = LoggerFactory.getLogger(EventArchiver.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(EventArchiver.class);

    private final String topic;
    private final EventArchive<E> archive;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final java.util.function.Consumer<E> check;
    private final MeterRegistry meters;
    private final Counter archived;
    private final Set<Integer> rewinding = new HashSet<>();

    /**
     * @param check throws {@link RejectedRecordException} for an event that must not be archived (an unwatched
     *              symbol or a far-future time would open files that are never sealed)
     */
    EventArchiver(String topic, EventArchive<E> archive, DeadLetterPublishingRecoverer deadLetters,
                  java.util.function.Consumer<E> check, MeterRegistry meters) {
        this.topic = topic;
        this.archive = archive;
        this.deadLetters = deadLetters;
        this.check = check;
        this.meters = meters;
        this.archived = meters.counter("marketpulse.detection." + archive.schema().kind() + ".archived");
    }

    String topic() {
        return topic;
    }

    /** One polled batch. */
    void on(List<ConsumerRecord<String, E>> records, Consumer<?, ?> consumer) {
        // a partition rewound just now is read again from its committed offset: this batch was fetched before
        Set<Integer> rewoundNow = retryRewinds(consumer);
        for (ConsumerRecord<String, E> record : records) {
            if (rewinding.contains(record.partition()) || rewoundNow.contains(record.partition())) {
                continue; // read again after the rewind
            }
            try {
                store(record);
            } catch (RuntimeException e) {
                log.error("Archiving {}-{}@{} failed; the partition is re-read from its committed offset",
                        record.topic(), record.partition(), record.offset(), e);
                rewind(consumer, record.partition());
                rewoundNow.add(record.partition());
            }
        }
        sealAndCommit(consumer, archive.due(), true);
    }

    /** No records for a while: seal what is old enough. */
    void idle(Consumer<?, ?> consumer) {
        retryRewinds(consumer);
        sealAndCommit(consumer, archive.due(), true);
    }

    /** The archiver's part in a rebalance; not a bean, so that no other listener container picks it up. */
    ConsumerAwareRebalanceListener rebalanceListener() {
        return new ConsumerAwareRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                assigned(consumer, partitions);
            }

            @Override
            public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer,
                                                        Collection<TopicPartition> partitions) {
                revoked(consumer, partitions);
            }

            @Override
            public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                lost(partitions);
            }
        };
    }

    void assigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            rewinding.remove(tp.partition());
            long position = consumer.position(tp);
            archive.recover(tp.partition(), position);
            log.info("Archiving {} from offset {}", tp, position);
        }
    }

    void revoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        sealAndCommit(consumer, partitions.stream().map(TopicPartition::partition).toList(), false);
        partitions.forEach(tp -> rewinding.remove(tp.partition()));
    }

    void lost(Collection<TopicPartition> partitions) {
        partitions.forEach(tp -> {
            archive.abandon(tp.partition());
            rewinding.remove(tp.partition());
        });
    }

    private void store(ConsumerRecord<String, E> record) {
        if (record.value() != null) {
            try {
                check.accept(record.value());
                archive.append(record.partition(), record.offset(), record.value());
                return;
            } catch (RejectedRecordException rejected) {
                deadLetter(record, rejected.reason(), rejected);
            }
        } else {
            DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
            if (unreadable != null) {
                deadLetter(record, "unreadable", unreadable);
            }
        }
        archive.skip(record.partition(), record.offset());
    }

    /** Publishes the record to {@code <topic>.DLT} (it throws, and the partition is re-read, if the broker is away). */
    private void deadLetter(ConsumerRecord<String, E> record, String reason, Exception e) {
        log.warn("Record {}-{}@{} is {} and goes to the dead-letter topic: {}", record.topic(), record.partition(),
                record.offset(), reason, e.getMessage());
        deadLetters.accept(record, e);
        meters.counter("marketpulse.detection.dead.letters", "topic", record.topic(), "reason", reason).increment();
    }

    /**
     * Seals and commits the partitions' generations. On failure the partition is rewound to its committed offset
     * when we keep it ({@code owned}); when it is being revoked, its generation is only dropped: the next owner
     * recovers it from the committed offset.
     */
    private void sealAndCommit(Consumer<?, ?> consumer, List<Integer> partitions, boolean owned) {
        for (int partition : partitions) {
            var tp = new TopicPartition(topic, partition);
            try {
                int events = archive.pending(partition);
                OptionalLong next = archive.seal(partition);
                if (next.isPresent()) {
                    consumer.commitSync(Map.of(tp, new OffsetAndMetadata(next.getAsLong())));
                    archived.increment(events);
                }
            } catch (RuntimeException e) {
                log.error("Sealing or committing the archive of {} failed; it is re-read from its committed offset",
                        tp, e);
                if (owned) {
                    rewind(consumer, partition);
                } else {
                    archive.abandon(partition);
                }
            }
        }
    }

    /**
     * Forgets the partition's uncommitted work and reads it again from its committed offset. When even that fails
     * (the broker is unreachable), the partition's records are ignored until a later attempt succeeds.
     */
    private void rewind(Consumer<?, ?> consumer, int partition) {
        archive.abandon(partition);
        var tp = new TopicPartition(topic, partition);
        try {
            OffsetAndMetadata committed = consumer.committed(Set.of(tp)).get(tp);
            long from = committed != null ? committed.offset() : consumer.beginningOffsets(List.of(tp)).get(tp);
            archive.recover(partition, from);
            consumer.seek(tp, from);
            rewinding.remove(partition);
        } catch (RuntimeException e) {
            log.warn("Cannot rewind {} yet ({}); its records are skipped until it can", tp, e.getMessage());
            rewinding.add(partition);
        }
    }

    /** The partitions rewound now. */
    private Set<Integer> retryRewinds(Consumer<?, ?> consumer) {
        Set<Integer> rewound = new HashSet<>();
        for (int partition : List.copyOf(rewinding)) {
            rewind(consumer, partition);
            if (!rewinding.contains(partition)) {
                rewound.add(partition);
            }
        }
        return rewound;
    }
}
