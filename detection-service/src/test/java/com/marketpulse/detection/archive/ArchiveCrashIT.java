package com.marketpulse.detection.archive;

import com.marketpulse.files.archive.ArchiveLayout;
import com.marketpulse.files.archive.ArchiveReader;
import com.marketpulse.files.archive.Archived;
import com.marketpulse.files.archive.EventSchema;
import com.marketpulse.files.archive.TickSchema;
import com.marketpulse.files.archive.QuoteSchema;
import com.marketpulse.files.archive.BarSchema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketpulse.detection.support.IntegrationTest;
import com.marketpulse.detection.support.Topic;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import com.marketpulse.events.json.EventJsonDeserializer;

/**
 * Kills an archiver between sealing files and committing their offsets, then starts a fresh one (new consumer,
 * new archive object, same directory) and proves every event of the topic is archived exactly once: for trades,
 * quotes and source bars alike, as they share one archiver core.
 */
class ArchiveCrashIT extends IntegrationTest {

    private static final String GROUP = "archive-crash-test";

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    DeadLetterPublishingRecoverer deadLetters;
    @TempDir
    Path directory;

    /** Thrown by a consumer whose process "dies" when it is asked to commit. */
    static final class Killed extends Error {
        Killed() {
            super("killed between sealing and committing");
        }
    }

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00.000000007Z");

    private static String symbol(int i) {
        return i % 2 == 0 ? "ETH/USD" : "BTC/USD";
    }

    @Test
    void archivesEveryTickExactlyOnceAfterACrashBetweenRenameAndCommit() {
        crashAndRestart(TickSchema.TICKS, Topics.MARKET_CRYPTO, Tick.class, IntStream.range(0, 200)
                .mapToObj(i -> Tick.live("simulator", "simulator", symbol(i), T0.plusMillis(100L * i), 3000.0 + i,
                        2.0, "crash-" + i, "B")).toList(), Tick::symbol);
    }

    @Test
    void archivesEveryQuoteExactlyOnceAfterACrashBetweenRenameAndCommit() {
        crashAndRestart(QuoteSchema.QUOTES, Topics.MARKET_QUOTES, Quote.class, IntStream.range(0, 200)
                .mapToObj(i -> Quote.live("alpaca", "us", symbol(i), T0.plusMillis(1500L * i), 3000.0 + i, 0.5,
                        3001.0 + i, 0.7)).toList(), Quote::symbol);
    }

    @Test
    void archivesEverySourceBarExactlyOnceAfterACrashBetweenRenameAndCommit() {
        crashAndRestart(BarSchema.BARS, Topics.MARKET_SOURCE_BARS, SourceBar.class, IntStream.range(0, 200)
                .mapToObj(i -> {
                    Instant start = T0.plusSeconds(60L * (i / 2));
                    return new SourceBar(SourceBar.idOf("alpaca", "us", symbol(i), start, null), symbol(i), start,
                            start.plusSeconds(60), 100, 101, 99, 100.5, i % 4 == 0 ? 0 : 1.5, i % 4 == 0 ? 0 : 3,
                            i % 4 == 0 ? 0 : 100.2, false, "alpaca", "us", null);
                }).toList(), SourceBar::symbol);
    }

    private <E> void crashAndRestart(EventSchema<E> schema, String topic, Class<E> type, List<E> events,
                                     Function<E, String> key) {
        events.forEach(e -> Topic.sendJson(brokers, topic, key.apply(e), e));
        List<ConsumerRecord<String, byte[]>> inTopic = Topic.readAll(brokers, topic);
        long end = inTopic.getLast().offset() + 1;
        var tp = new TopicPartition(topic, 0);

        // first life: one generation is committed, the second is renamed into place, then the process dies
        AtomicInteger commits = new AtomicInteger();
        try (var consumer = consumer(type, 60)) {
            Consumer<?, ?> dying = killedOnCommit(consumer, commits, 2);
            var archiver = archiver(schema, topic, 50);
            subscribe(consumer, topic, dying, archiver);
            assertThatThrownBy(() -> {
                while (true) {
                    archiver.on(poll(consumer), dying);
                }
            }).isInstanceOf(Killed.class);
        }
        List<Long> visibleAfterCrash = archivedOffsets(schema);
        assertThat(visibleAfterCrash).as("the second generation was renamed before the crash").hasSize(120);

        // second life: recover from the committed offset and read to the end
        try (var consumer = consumer(type, 500)) {
            var archiver = archiver(schema, topic, 50);
            subscribe(consumer, topic, consumer, archiver);
            while (consumer.assignment().isEmpty() || consumer.position(tp) < end) {
                archiver.on(poll(consumer), consumer);
            }
            archiver.revoked(consumer, List.of(tp));
        }

        List<Long> archived = archivedOffsets(schema);
        List<Long> readable = inTopic.stream().filter(r -> parses(r.value(), type)).map(ConsumerRecord::offset)
                .toList();
        assertThat(archived).doesNotHaveDuplicates().containsExactlyElementsOf(readable);
        assertThat(archivedEvents(schema)).containsAll(events);
    }

    private <E> EventArchiver<E> archiver(EventSchema<E> schema, String topic, int maxRecords) {
        var archive = new EventArchive<>(directory, schema, maxRecords, Duration.ofHours(1), Clock.systemUTC());
        return new EventArchiver<>(topic, archive, deadLetters, event -> { }, new SimpleMeterRegistry());
    }

    private <E> List<Archived<E>> rows(EventSchema<E> schema) {
        Path root = schema.root(directory);
        return ArchiveLayout.files(root, name -> name.endsWith(".parquet")).stream()
                .flatMap(f -> ArchiveReader.rows(f, schema).stream()).toList();
    }

    private List<Long> archivedOffsets(EventSchema<?> schema) {
        return rows(schema).stream().map(Archived::offset).sorted().toList();
    }

    private <E> List<E> archivedEvents(EventSchema<E> schema) {
        return rows(schema).stream().map(Archived::event).toList();
    }

    private static boolean parses(byte[] value, Class<?> type) {
        try {
            Topic.parse(value, type);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private <E> KafkaConsumer<String, E> consumer(Class<E> type, int maxPollRecords) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP + "-" + type.getSimpleName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords),
                new StringDeserializer(),
                new ErrorHandlingDeserializer<>(new EventJsonDeserializer<>(type)));
    }

    private static void subscribe(KafkaConsumer<String, ?> consumer, String topic, Consumer<?, ?> seenByArchiver,
                                  EventArchiver<?> archiver) {
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                archiver.assigned(seenByArchiver, partitions);
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // a dying process revokes nothing
            }
        });
    }

    private static <E> List<ConsumerRecord<String, E>> poll(KafkaConsumer<String, E> consumer) {
        var records = consumer.poll(Duration.ofMillis(500));
        return java.util.stream.StreamSupport.stream(records.spliterator(), false).toList();
    }

    /** The consumer as the archiver sees it, except that its {@code n}-th commit kills the process. */
    private static Consumer<?, ?> killedOnCommit(KafkaConsumer<String, ?> consumer, AtomicInteger commits, int n) {
        return (Consumer<?, ?>) Proxy.newProxyInstance(Consumer.class.getClassLoader(),
                new Class<?>[] {Consumer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("commitSync") && commits.incrementAndGet() == n) {
                        throw new Killed();
                    }
                    try {
                        return method.invoke(consumer, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
