package com.marketpulse.ingestion.replay;

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

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backtest over a Binance kline file (gzipped, with a header, told apart from trades by its first line): every
 * candle reaches market.source-bars.replay as the named pair, with the run id, its event time at its close (the
 * topic keeps the broker's append time).
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "marketpulse.source=replay",
        "marketpulse.replay.speed=max",
        "marketpulse.replay.symbol=DOT/USD",
        "marketpulse.replay.run-id=backtest-dot"})
// The candles are from 2024 and Kafka keeps records by their timestamp (a bar's close): with the default 7-day
// retention the broker's first retention check, 30 s after its start, would delete them before they are read.
@EmbeddedKafka(partitions = 3, brokerProperties = "log.retention.ms=-1")
class CandleReplayToKafkaIT {

    @Autowired
    EmbeddedKafkaBroker broker;

    @DynamicPropertySource
    static void replayFile(DynamicPropertyRegistry registry) {
        registry.add("marketpulse.replay.file", CandleReplayerTest.GZIPPED_WITH_HEADER::toString);
    }

    @Test
    void klineCandlesReachTheReplayBarsTopicAtTheirCloseWithTheRunId() {
        List<ConsumerRecord<String, String>> bars =
                KafkaTestConsumer.consume(broker, Topics.MARKET_SOURCE_BARS_REPLAY, 5, Duration.ofSeconds(1));
        JsonMapper json = JsonMapper.builder().build();
        assertThat(bars).hasSize(5).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo("DOT/USD");
            JsonNode bar = json.readTree(record.value());
            assertThat(bar.get("symbol").asString()).isEqualTo("DOT/USD");
            assertThat(bar.get("runId").asString()).isEqualTo("backtest-dot");
            assertThat(bar.get("venue").asString()).isEqualTo("binance");
            Instant close = Instant.parse(bar.get("eventTime").asString());
            assertThat(close).isEqualTo(Instant.parse(bar.get("start").asString()).plusSeconds(60));
            // replay topics keep the broker's append time (TopicCatalogue), so retention never deletes unread history;
            // the close travels in the event
            assertThat(record.timestampType()).isEqualTo(org.apache.kafka.common.record.TimestampType.LOG_APPEND_TIME);
        });
        assertThat(bars).extracting(r -> json.readTree(r.value()).get("eventTime").asString())
                .contains("2024-11-01T00:01:00Z", "2024-11-01T00:05:00Z");
    }
}
