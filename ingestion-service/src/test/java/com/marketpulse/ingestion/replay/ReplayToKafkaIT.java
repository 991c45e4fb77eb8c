package com.marketpulse.ingestion.replay;

import com.marketpulse.events.json.EventJson;
import com.marketpulse.events.Topics;
import com.marketpulse.ingestion.support.KafkaTestConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A backtest replay: the file's good rows go to market.crypto.replay with the run id, its labels to market.labels. */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "marketpulse.source=replay",
        "marketpulse.replay.speed=max",
        "marketpulse.replay.run-id=backtest-42"})
@EmbeddedKafka(partitions = 3)
class ReplayToKafkaIT {

    static final Path FILE = writeFile();

    @Autowired
    EmbeddedKafkaBroker broker;

    static Path writeFile() {
        try {
            Path file = Files.createTempDirectory("replay-it").resolve("day.csv");
            return Files.writeString(file, String.join("\n",
                    "timestamp,symbol,price,size,label",
                    "2026-01-05T10:00:00.000000001Z,BTC/USD,90000,0.5,",
                    "2026-01-05T10:00:01Z,ETH/USD,3000,2,",
                    "2026-01-05T10:00:02Z,BTC/USD,not-a-price,0.5,",
                    "2026-01-05T10:00:03Z,BTC/USD,91500,0.5,PRICE_SPIKE",
                    "2026-01-05T10:00:04Z,SOL/USD,150,3,"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void replayFile(DynamicPropertyRegistry registry) {
        registry.add("marketpulse.replay.file", FILE::toString);
    }

    @Test
    void replayedTicksCarryTheRunIdOnTheReplayTopicKeyedBySymbol() {
        List<ConsumerRecord<String, String>> ticks =
                KafkaTestConsumer.consume(broker, Topics.MARKET_CRYPTO_REPLAY, 4, Duration.ofSeconds(1));
        JsonMapper json = EventJson.mapper();
        assertThat(ticks).hasSize(4);
        assertThat(ticks).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("BTC/USD", "ETH/USD", "BTC/USD", "SOL/USD");
        for (ConsumerRecord<String, String> record : ticks) {
            JsonNode tick = json.readTree(record.value());
            assertThat(tick.get("runId").asString()).isEqualTo("backtest-42");
            assertThat(tick.get("source").asString()).isEqualTo("replay");
            assertThat(tick.get("symbol").asString()).isEqualTo(record.key());
        }
        assertThat(ticks).extracting(r -> json.readTree(r.value()).get("eventTime").asString())
                .contains("2026-01-05T10:00:00.000000001Z");

        List<ConsumerRecord<String, String>> labels =
                KafkaTestConsumer.consume(broker, Topics.MARKET_LABELS, 1, Duration.ZERO);
        JsonNode label = json.readTree(labels.getFirst().value());
        assertThat(label.get("kind").asString()).isEqualTo("PRICE_SPIKE");
        assertThat(label.get("runId").asString()).isEqualTo("backtest-42");
    }
}
