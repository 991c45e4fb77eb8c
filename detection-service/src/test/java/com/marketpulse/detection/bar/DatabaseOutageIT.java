package com.marketpulse.detection.bar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marketpulse.detection.support.Topic;
import com.marketpulse.events.Bar;
import com.marketpulse.events.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database stopped under the bar listener and started again: the bars sent meanwhile wait (retried without a
 * time limit, see OutageRetryTest for 24 hours of it on a virtual clock) and are all stored exactly once afterwards;
 * nothing good is dead-lettered, while a poison bar among them goes to {@code market.bars.DLT} and the bars after
 * it are stored. Its own PostgreSQL (stopped and restarted on the same port and data directory), so the other
 * integration tests' database is never taken away.
 */
@SpringBootTest(properties = {
        "MARKETPULSE_CONFIG=../config/marketpulse.yml",
        "spring.kafka.bootstrap-servers=${outage.kafka.brokers}",
        "spring.kafka.consumer.properties.max.poll.interval.ms=60000",
        "marketpulse.symbols=BTC/USD,ETH/USD,SOL/USD",
        "marketpulse.detection.retry.initial-interval=100ms",
        "marketpulse.detection.retry.max-interval=500ms",
        // fail a connection attempt fast while the database is away (each one is a retry)
        "spring.datasource.hikari.connection-timeout=1000",
        "spring.datasource.hikari.initialization-fail-timeout=-1",
        "marketpulse.detection.model.trees=10",
        "server.port=0"})
// its own property for its broker: the other integration tests' context keeps reading spring.embedded.kafka.brokers
@EmbeddedKafka(partitions = 1, topics = Topics.MARKET_BARS, brokerProperties = "group.initial.rebalance.delay.ms=0",
        bootstrapServersProperty = "outage.kafka.brokers")
class DatabaseOutageIT {

    private static final Instant MINUTE = Instant.parse("2026-11-30T10:00:00Z");
    private static final Path DATA = tempDirectory();
    private static EmbeddedPostgres postgres = start(0);

    @Value("${outage.kafka.brokers}")
    String brokers;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("marketpulse.detection.archive.directory", () -> DATA.resolveSibling(DATA.getFileName() + "-archive")
                .toString());
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void barsSentWhileTheDatabaseIsDownAreStoredExactlyOnceWhenItIsBackAndOnlyThePoisonIsDeadLettered()
            throws IOException {
        Topic.sendJson(brokers, Topics.MARKET_BARS, "BTC/USD", bar(0, 100));
        await().atMost(Duration.ofSeconds(60)).until(() -> starts().size() == 1);
        int port = postgres.getPort();

        postgres.close();
        for (int i = 1; i <= 5; i++) {
            Topic.sendJson(brokers, Topics.MARKET_BARS, "BTC/USD", bar(i, 100 + i));
        }
        Topic.sendJson(brokers, Topics.MARKET_BARS, "poison", bar(6, -1));
        for (int i = 7; i <= 10; i++) {
            Topic.sendJson(brokers, Topics.MARKET_BARS, "BTC/USD", bar(i, 100 + i));
        }
        // the outage lasts 15 s: dozens of failed attempts at bar 1, up to 500 ms apart
        await().pollDelay(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(20)).until(() -> true);
        assertThat(Topic.readAll(brokers, Topics.deadLetter(Topics.MARKET_BARS))).as("nothing dead-lettered while "
                + "the database is away").isEmpty();

        postgres = start(port);

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> assertThat(starts())
                .containsExactlyElementsOf(
                        List.of(0, 1, 2, 3, 4, 5, 7, 8, 9, 10).stream().map(i -> MINUTE.plusSeconds(60L * i)).toList()));
        List<ConsumerRecord<String, byte[]>> dead = Topic.readAll(brokers, Topics.deadLetter(Topics.MARKET_BARS));
        assertThat(dead).extracting(ConsumerRecord::key).containsExactly("poison");
    }

    private List<Instant> starts() {
        return jdbc.sql("SELECT start_time FROM detection.bars WHERE symbol = 'BTC/USD' ORDER BY start_time")
                .query(OffsetDateTime.class).list().stream().map(OffsetDateTime::toInstant).toList();
    }

    private static Bar bar(int minute, double close) {
        Instant start = MINUTE.plusSeconds(60L * minute);
        double high = Math.max(close, 100);
        return new Bar(Bar.idOf("BTC/USD", start, null), "BTC/USD", start, start.plusSeconds(60), 100, high,
                Math.min(close, 100), close, 1, 1, null);
    }

    /** PostgreSQL on the given port (0: any) over the same data directory, kept across restarts. */
    private static EmbeddedPostgres start(int port) {
        try {
            var builder = EmbeddedPostgres.builder().setDataDirectory(DATA).setCleanDataDirectory(false);
            return (port > 0 ? builder.setPort(port) : builder).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("detection-outage-db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
