package com.marketpulse.detection.bar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marketpulse.detection.support.IntegrationTest;
import com.marketpulse.detection.support.Topic;
import com.marketpulse.events.Bar;
import com.marketpulse.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database stopped under the bar listener and started again: the bars sent meanwhile wait (retried without a
 * time limit, see OutageRetryTest for 24 hours of it on a virtual clock) and are all stored exactly once afterwards;
 * nothing good is dead-lettered, while a poison bar among them goes to {@code market.bars.DLT} and the bars after
 * it are stored.
 */
class DatabaseOutageIT extends IntegrationTest {

    private static final Instant MINUTE = Instant.parse("2026-11-30T10:00:00Z");

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    JdbcClient jdbc;

    @Test
    void barsSentWhileTheDatabaseIsDownAreStoredExactlyOnceWhenItIsBackAndOnlyThePoisonIsDeadLettered() {
        Topic.sendJson(brokers, Topics.MARKET_BARS, "ADA/USD", bar(0, 100));
        await().atMost(Duration.ofSeconds(60)).until(() -> starts().size() == 1);

        withDatabaseStopped(() -> {
            for (int i = 1; i <= 5; i++) {
                Topic.sendJson(brokers, Topics.MARKET_BARS, "ADA/USD", bar(i, 100 + i));
            }
            Topic.sendJson(brokers, Topics.MARKET_BARS, "poison", bar(6, -1));
            for (int i = 7; i <= 10; i++) {
                Topic.sendJson(brokers, Topics.MARKET_BARS, "ADA/USD", bar(i, 100 + i));
            }
            // the outage lasts 15 s: dozens of failed attempts at bar 1, up to 500 ms apart
            await().pollDelay(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(20)).until(() -> true);
            assertThat(Topic.readAll(brokers, Topics.deadLetter(Topics.MARKET_BARS)))
                    .as("nothing dead-lettered while the database is away").noneMatch(r -> r.key().equals("ADA/USD")
                            || r.key().equals("poison"));
        });

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> assertThat(starts())
                .containsExactlyElementsOf(
                        List.of(0, 1, 2, 3, 4, 5, 7, 8, 9, 10).stream().map(i -> MINUTE.plusSeconds(60L * i)).toList()));
        List<ConsumerRecord<String, byte[]>> dead = Topic.readAll(brokers, Topics.deadLetter(Topics.MARKET_BARS));
        assertThat(dead).extracting(ConsumerRecord::key).filteredOn(k -> k.equals("ADA/USD") || k.equals("poison"))
                .containsExactly("poison");
    }

    private List<Instant> starts() {
        return jdbc.sql("SELECT start_time FROM detection.bars WHERE symbol = 'ADA/USD' ORDER BY start_time")
                .query(OffsetDateTime.class).list().stream().map(OffsetDateTime::toInstant).toList();
    }

    private static Bar bar(int minute, double close) {
        Instant start = MINUTE.plusSeconds(60L * minute);
        double high = Math.max(close, 100);
        return new Bar(Bar.idOf("ADA/USD", start, null), "ADA/USD", start, start.plusSeconds(60), 100, high,
                Math.min(close, 100), close, 1, 1, null);
    }
}
