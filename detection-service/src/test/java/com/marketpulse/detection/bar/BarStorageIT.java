package com.marketpulse.detection.bar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marketpulse.detection.support.IntegrationTest;
import com.marketpulse.detection.support.Topic;
import com.marketpulse.events.Bar;
import com.marketpulse.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    void liveAndReplayBarsLandInDetectionBarsAndARepeatedBarReplacesTheStoredOne() {
        Topic.sendJson(brokers, Topics.MARKET_BARS, "AVAX/USD", bar(30.5, 10, null));
        Topic.sendJson(brokers, Topics.MARKET_BARS, "AVAX/USD", bar(30.7, 12, "run-9"));
        Topic.sendJson(brokers, Topics.MARKET_BARS, "AVAX/USD", bar(30.9, 14, null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rows()).containsExactly(
                Map.of("run_id", "", "close", 30.9, "trades", 14L),
                Map.of("run_id", "run-9", "close", 30.7, "trades", 12L)));
    }
}
