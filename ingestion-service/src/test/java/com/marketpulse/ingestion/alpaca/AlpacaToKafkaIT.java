package com.marketpulse.ingestion.alpaca;

import com.marketpulse.events.Topics;
import com.marketpulse.ingestion.alpaca.FakeAlpacaServer.Trade;
import com.marketpulse.ingestion.support.KafkaTestConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The service pointed at a fake Alpaca through its URLs ingests every trade exactly once across a forced drop. */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "marketpulse.source=alpaca",
        "marketpulse.symbols=BTC/USD,ETH/USD",
        "marketpulse.alpaca.api-key=" + FakeAlpacaServer.KEY,
        "marketpulse.alpaca.secret-key=" + FakeAlpacaServer.SECRET,
        "marketpulse.alpaca.initial-backoff=100ms",
        "marketpulse.alpaca.max-backoff=500ms"})
@EmbeddedKafka(partitions = 3)
class AlpacaToKafkaIT {

    static final FakeAlpacaServer ALPACA = FakeAlpacaServer.started();

    @Autowired
    EmbeddedKafkaBroker broker;

    @DynamicPropertySource
    static void alpacaUrls(DynamicPropertyRegistry registry) {
        ALPACA.registerUrls(registry);
    }

    @AfterAll
    static void stopAlpaca() throws IOException {
        ALPACA.close();
    }

    @Test
    void everyTradeReachesMarketCryptoExactlyOnceAcrossAForcedDisconnect() {
        Instant now = Instant.now();
        Trade[] trades = new Trade[11];
        for (int i = 1; i <= 10; i++) {
            trades[i] = new Trade(i % 3 == 0 ? "ETH/USD" : "BTC/USD", 100.0 + i, 0.5, now.minusSeconds(60 - i)
                    .plusNanos(123_456_789).toString(), 1_000_000_000_000_000_000L + i);
        }
        ALPACA.afterSubscribe = n -> n == 1 ? List.of(FakeAlpacaServer.frame(trades[7], trades[8]),
                FakeAlpacaServer.frame(trades[9], trades[10])) : List.of();
        await().atMost(Duration.ofSeconds(30)).until(() -> ALPACA.connections() == 1
                && ALPACA.clientMessages.stream().anyMatch(m -> m.contains("subscribe")));

        ALPACA.executeAndStream(trades[1], trades[2], trades[3]);
        ALPACA.executeAndStream(trades[4]);
        ALPACA.executeUnseen(trades[5], trades[6], trades[7]);
        ALPACA.dropConnection();

        List<ConsumerRecord<String, String>> records =
                KafkaTestConsumer.consume(broker, Topics.MARKET_CRYPTO, 10, Duration.ofSeconds(2));
        List<String> ids = records.stream()
                .map(r -> FakeAlpacaServer.JSON.readTree(r.value()).get("tradeId").asString()).sorted().toList();
        assertThat(ids).hasSize(10).doesNotHaveDuplicates();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode tick = FakeAlpacaServer.JSON.readTree(record.value());
            long id = Long.parseLong(tick.get("tradeId").asString());
            Trade sent = trades[(int) (id - 1_000_000_000_000_000_000L)];
            assertThat(record.key()).isEqualTo(sent.symbol());
            assertThat(Instant.parse(tick.get("eventTime").asString())).isEqualTo(sent.instant());
            assertThat(tick.get("source").asString()).isEqualTo("alpaca");
        }
        assertThat(ALPACA.connections()).isEqualTo(2);
    }
}
