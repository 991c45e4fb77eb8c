package com.marketpulse.detection.archive;


import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marketpulse.detection.support.IntegrationTest;
import com.marketpulse.detection.support.Topic;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

class TickArchiverIT extends IntegrationTest {

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void archivesEveryTickExactlyOnceAsReadableParquetAndSendsAnUnreadableOneToTheDeadLetterTopic() {
        Instant t0 = Instant.parse("2026-11-23T09:30:00.000000001Z");
        List<Tick> ticks = IntStream.range(0, 120).mapToObj(i -> Tick.live("simulator", "simulator",
                i % 3 == 0 ? "SOL/USD" : "BTC/USD", t0.plusMillis(250L * i), 100.0 + i, 1.0, "t" + i, "S")).toList();
        ticks.subList(0, 60).forEach(t -> Topic.sendJson(brokers, Topics.MARKET_CRYPTO, t.symbol(), t));
        Topic.sendBytes(brokers, Topics.MARKET_CRYPTO, "BTC/USD", "{\"price\": -1".getBytes(StandardCharsets.UTF_8));
        ticks.subList(60, 120).forEach(t -> Topic.sendJson(brokers, Topics.MARKET_CRYPTO, t.symbol(), t));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(archived())
                .containsAll(ticks));

        List<Tick> archived = archived();
        assertThat(archived.stream().filter(ticks::contains)).hasSameSizeAs(ticks).doesNotHaveDuplicates();
        assertThat(TickArchiveReader.files(archiveDirectory())).extracting(f -> f.getParent().getFileName().toString())
                .contains("symbol=SOL-USD", "symbol=BTC-USD");
        assertThat(Topic.readAll(brokers, Topics.deadLetter(Topics.MARKET_CRYPTO))).extracting(ConsumerRecord::value)
                .anySatisfy(v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("{\"price\": -1"));
    }

    private static List<Tick> archived() {
        return TickArchiveReader.files(archiveDirectory()).stream()
                .flatMap(f -> TickArchiveReader.read(f).stream()).map(ArchivedTick::tick).toList();
    }
}
