package com.marketpulse.detection.bar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marketpulse.detection.support.IntegrationTest;
import com.marketpulse.detection.support.Topic;
import com.marketpulse.events.Bar;
import com.marketpulse.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

class BarStorageIT extends IntegrationTest {

    private static final Instant MINUTE = Instant.parse("2026-11-24T11:00:00Z");

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    JdbcClient jdbc;

    private static Bar bar(double close, long trades, String runId) {
        return new Bar(Bar.idOf("AVAX/USD", MINUTE, runId), "AVAX/USD", MINUTE, MINUTE.plusSeconds(60), 30.0, 31.0,
                29.5, close, 120.0, trades, runId);
    }

    private List<Map<String, Object>> rows() {
        return jdbc.sql("SELECT run_id, close, trades FROM detection.bars WHERE symbol = 'AVAX/USD' ORDER BY run_id")
                .query().listOfRows();
    }

    @Test
    void aBarOfAnAbortedTransactionIsNeverStored() {
        Instant aborted = MINUTE.plusSeconds(3_600);
        Instant committed = aborted.plusSeconds(60);
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bar-storage-it",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.initTransactions();
            // as feature-service's exactly-once task does when it fails mid-way: the bars written so far are aborted
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.MARKET_BARS, "LTC/USD", bytes(ltc(aborted, 1))));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.MARKET_BARS, "LTC/USD", bytes(ltc(committed, 2))));
            producer.commitTransaction();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT start_time FROM detection.bars WHERE symbol = 'LTC/USD'").query(OffsetDateTime.class).list())
                .extracting(OffsetDateTime::toInstant).contains(committed));
        assertThat(jdbc.sql("SELECT start_time FROM detection.bars WHERE symbol = 'LTC/USD'")
                .query(OffsetDateTime.class).list()).extracting(OffsetDateTime::toInstant).containsExactly(committed);
    }

    private static Bar ltc(Instant start, long trades) {
        return new Bar(Bar.idOf("LTC/USD", start, null), "LTC/USD", start, start.plusSeconds(60), 70, 71, 69, 70.5,
                3, trades, null);
    }

    private static byte[] bytes(Bar bar) {
        return Topic.json(bar).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void liveAndReplayBarsLandInDetectionBarsAndARepeatedBarReplacesTheStoredOne() {
        Topic.sendJson(brokers, Topics.MARKET_BARS, "AVAX/USD", bar(30.5, 10, null));
        Topic.sendJson(brokers, Topics.MARKET_BARS_REPLAY, "AVAX/USD", bar(30.7, 12, "run-9"));
        Topic.sendJson(brokers, Topics.MARKET_BARS, "AVAX/USD", bar(30.9, 14, null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rows()).containsExactly(
                Map.of("run_id", "", "close", 30.9, "trades", 14L),
                Map.of("run_id", "run-9", "close", 30.7, "trades", 12L)));
    }

    @Test
    void aBarOfTheOtherStreamIsRefusedOnEitherTopic() {
        Instant start = MINUTE.plusSeconds(7_200);
        Bar backtestBar = new Bar(Bar.idOf("ETH/USD", start, "run-wrong"), "ETH/USD", start, start.plusSeconds(60),
                3_000, 3_010, 2_990, 3_005, 2, 3, "run-wrong");
        Bar liveBar = new Bar(Bar.idOf("ETH/USD", start, null), "ETH/USD", start, start.plusSeconds(60), 3_000, 3_010,
                2_990, 3_005, 2, 3, null);
        Topic.sendJson(brokers, Topics.MARKET_BARS, "wrong-stream-live", backtestBar);
        Topic.sendJson(brokers, Topics.MARKET_BARS_REPLAY, "wrong-stream-replay", liveBar);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(Topic.readAll(brokers, Topics.deadLetter(Topics.MARKET_BARS)))
                    .anySatisfy(r -> assertThat(r.key()).isEqualTo("wrong-stream-live"));
            assertThat(Topic.readAll(brokers, Topics.deadLetter(Topics.MARKET_BARS_REPLAY)))
                    .anySatisfy(r -> assertThat(r.key()).isEqualTo("wrong-stream-replay"));
        });
        assertThat(jdbc.sql("SELECT count(*) FROM detection.bars WHERE symbol = 'ETH/USD' AND start_time = :start")
                .param("start", start.atOffset(java.time.ZoneOffset.UTC)).query(Long.class).single()).isZero();
    }
}
