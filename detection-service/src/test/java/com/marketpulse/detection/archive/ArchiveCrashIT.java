package com.marketpulse.detection.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketpulse.detection.support.IntegrationTest;
import com.marketpulse.detection.support.Topic;
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
 * Kills the archiver between sealing files and committing their offsets, then starts a fresh one (new consumer,
 * new archive object, same directory) and proves every tick of the topic is archived exactly once.
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

    @Test
    void archivesEveryTickExactlyOnceAfterACrashBetweenRenameAndCommit() {
        Instant t0 = Instant.parse("2026-11-22T08:00:00.000000007Z");
        IntStream.range(0, 200).mapToObj(i -> Tick.live("simulator", "simulator", i % 2 == 0 ? "ETH/USD" : "BTC/USD",
                        t0.plusMillis(100L * i), 3000.0 + i, 2.0, "crash-" + i, "B"))
                .forEach(t -> Topic.sendJson(brokers, Topics.MARKET_CRYPTO, t.symbol(), t));
        List<ConsumerRecord<String, byte[]>> inTopic = Topic.readAll(brokers, Topics.MARKET_CRYPTO);
        long end = inTopic.getLast().offset() + 1;

        // first life: one generation is committed, the second is renamed into place, then the process dies
        AtomicInteger commits = new AtomicInteger();
        try (var consumer = consumer(60)) {
            Consumer<?, ?> dying = killedOnCommit(consumer, commits, 2);
            var archiver = archiver(50);
            subscribe(consumer, dying, archiver);
            assertThatThrownBy(() -> {
                while (true) {
                    archiver.on(poll(consumer), dying);
                }
            }).isInstanceOf(Killed.class);
        }
        List<Long> visibleAfterCrash = archivedOffsets();
        assertThat(visibleAfterCrash).as("the second generation was renamed before the crash").hasSize(120);

        // second life: recover from the committed offset and read to the end
        try (var consumer = consumer(500)) {
            var archiver = archiver(50);
            subscribe(consumer, consumer, archiver);
            while (consumer.assignment().isEmpty() || consumer.position(tp()) < end) {
                archiver.on(poll(consumer), consumer);
            }
            archiver.revoked(consumer, List.of(tp()));
        }

        List<Long> archived = archivedOffsets();
        List<Long> readable = inTopic.stream().filter(r -> isTick(r.value())).map(ConsumerRecord::offset).toList();
        assertThat(archived).doesNotHaveDuplicates().containsExactlyElementsOf(readable);
    }

    private TickArchiver archiver(int maxTicks) {
        var archive = new TickArchive(directory, maxTicks, Duration.ofHours(1), Clock.systemUTC());
        return new TickArchiver(archive, deadLetters, new SimpleMeterRegistry());
    }

    private List<Long> archivedOffsets() {
        return TickArchiveReader.files(directory).stream().flatMap(f -> TickArchiveReader.read(f).stream())
                .map(ArchivedTick::offset).sorted().toList();
    }

    private static boolean isTick(byte[] value) {
        try {
            Topic.parse(value, Tick.class);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static TopicPartition tp() {
        return new TopicPartition(Topics.MARKET_CRYPTO, 0);
    }

    private KafkaConsumer<String, Tick> consumer(int maxPollRecords) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords),
                new StringDeserializer(),
                new ErrorHandlingDeserializer<>(new EventJsonDeserializer<>(Tick.class)));
    }

    private static void subscribe(KafkaConsumer<String, Tick> consumer, Consumer<?, ?> seenByArchiver,
                                  TickArchiver archiver) {
        consumer.subscribe(List.of(Topics.MARKET_CRYPTO), new ConsumerRebalanceListener() {
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

    private static List<ConsumerRecord<String, Tick>> poll(KafkaConsumer<String, Tick> consumer) {
        var records = consumer.poll(Duration.ofMillis(500));
        return java.util.stream.StreamSupport.stream(records.spliterator(), false).toList();
    }

    /** The consumer as the archiver sees it, except that its {@code n}-th commit kills the process. */
    private static Consumer<?, ?> killedOnCommit(KafkaConsumer<String, Tick> consumer, AtomicInteger commits, int n) {
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
