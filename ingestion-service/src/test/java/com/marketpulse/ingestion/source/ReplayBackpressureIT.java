package com.marketpulse.ingestion.source;

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

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14: a replay at max speed used to drop what did not fit the publish buffer and still report every row as
 * published and acknowledged. With a buffer of 100 and a file of 30,000 trades (and three bad rows) every good row
 * arrives on the replay topic exactly once, and the summary counts what Kafka acknowledged and each bad row's line.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "marketpulse.source=replay",
        "marketpulse.replay.speed=max",
        "marketpulse.replay.run-id=backpressure-1",
        "marketpulse.publish.buffer-capacity=100"})
@EmbeddedKafka(partitions = 3)
class ReplayBackpressureIT {

    static final int TRADES = 30_000;
    static final List<String> SYMBOLS = List.of("BTC/USD", "ETH/USD", "SOL/USD");
    static final Path FILE = writeFile();

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    SourceRunner runner;

    /** 30,000 good trades a millisecond apart; lines 1001, 2002 and 3003 are bad. */
    static Path writeFile() {
        try {
            Path file = Files.createTempDirectory("backpressure-it").resolve("big.csv");
            Instant start = Instant.parse("2026-01-05T10:00:00Z");
            try (BufferedWriter out = Files.newBufferedWriter(file)) {
                out.write("timestamp,symbol,price,size,trade_id\n");
                long line = 1;
                for (int i = 0; i < TRADES; i++) {
                    line++;
                    if (line % 1001 == 0 && line <= 3003) {
                        out.write(start.plusMillis(i) + ",BTC/USD,NaN,1,bad" + line + "\n");
                        line++;
                    }
                    out.write(start.plusMillis(i) + "," + SYMBOLS.get(i % 3) + "," + (100 + i % 7) + ",0.5,t" + i
                            + "\n");
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void replayFile(DynamicPropertyRegistry registry) {
        registry.add("marketpulse.replay.file", FILE::toString);
    }

    @Test
    void everyRowOfAFileFarLargerThanTheBufferArrivesOnceAndTheSummaryCountsAcknowledgements() {
        await().atMost(Duration.ofMinutes(3)).until(() -> runner.status().state().equals("finished"));

        assertThat(runner.status().detail()).contains(TRADES + 3 + " rows read",
                TRADES + " trades published, all acknowledged by Kafka",
                "3 bad rows skipped (first: line 1001: price must be > 0");
        List<ConsumerRecord<String, String>> ticks =
                KafkaTestConsumer.consume(broker, Topics.MARKET_CRYPTO_REPLAY, TRADES, Duration.ofSeconds(2));
        Set<String> ids = ticks.stream().map(r -> r.value().replaceAll(".*\"tradeId\":\"([^\"]+)\".*", "$1"))
                .collect(Collectors.toSet());
        assertThat(ticks).hasSize(TRADES);
        assertThat(ids).hasSize(TRADES).contains("t0", "t" + (TRADES - 1));
    }
}
