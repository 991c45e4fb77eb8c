package com.marketpulse.ingestion.alpaca;

import com.marketpulse.events.Topics;
import com.marketpulse.ingestion.IngestionApplication;
import com.marketpulse.ingestion.alpaca.FakeAlpacaServer.Trade;
import com.marketpulse.ingestion.support.KafkaTestConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A crash loses nothing: the trades the venue executed while the service was down arrive exactly once after the
 * restart. The new instance knows nothing but what Kafka holds: it reads the trades already in market.crypto back,
 * backfills the gap since the newest from Alpaca's historical trades, and skips what Kafka had already.
 */
class AlpacaRestartIT {

    final EmbeddedKafkaKraftBroker broker = started();
    final FakeAlpacaServer alpaca = FakeAlpacaServer.started();
    ConfigurableApplicationContext service;

    static EmbeddedKafkaKraftBroker started() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
        return broker;
    }

    @AfterEach
    void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        alpaca.close();
        broker.destroy();
    }

    ConfigurableApplicationContext start() {
        String host = alpaca.streamUrl().replaceFirst("/v1beta3/crypto/us$", "/");
        // as arguments: they win over application.yml, as the environment does in a deployment
        Map<String, String> properties = Map.of(
                "spring.kafka.bootstrap-servers", broker.getBrokersAsString(),
                "server.port", "0",
                "marketpulse.source", "alpaca",
                "marketpulse.symbols", "BTC/USD,ETH/USD",
                "marketpulse.alpaca.api-key", FakeAlpacaServer.KEY,
                "marketpulse.alpaca.secret-key", FakeAlpacaServer.SECRET,
                "marketpulse.alpaca.stream-url", host,
                "marketpulse.alpaca.data-url", host.replaceFirst("^ws", "http"));
        return new SpringApplicationBuilder(IngestionApplication.class).run(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    static Trade trade(String symbol, long id, Instant time) {
        return new Trade(symbol, symbol.equals("BTC/USD") ? 90_000.0 + id : 3_000.0 + id, 0.25, time.toString(), id);
    }

    static List<String> tradeIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> r.value().replaceAll(".*\"tradeId\":\"(\\d+)\".*", "$1")).toList();
    }

    @Test
    void tradesExecutedWhileTheServiceWasDownArriveExactlyOnceAfterARestart() {
        Instant t0 = Instant.now().minus(Duration.ofMinutes(2)).plusNanos(123_456_789);
        service = start();
        await().atMost(Duration.ofSeconds(60)).until(() -> alpaca.connections() == 1
                && alpaca.clientMessages.stream().anyMatch(m -> m.contains("\"subscribe\"")));
        alpaca.executeAndStream(trade("BTC/USD", 1, t0), trade("ETH/USD", 2, t0.plusSeconds(1)),
                trade("BTC/USD", 3, t0.plusSeconds(2)));
        assertThat(KafkaTestConsumer.consume(broker, Topics.MARKET_CRYPTO, 3, Duration.ZERO)).hasSize(3);

        service.close();
        service = null;
        // the venue trades on while nobody listens
        alpaca.executeUnseen(trade("ETH/USD", 4, t0.plusSeconds(10)), trade("BTC/USD", 5, t0.plusSeconds(11)),
                trade("BTC/USD", 6, t0.plusSeconds(12)), trade("ETH/USD", 7, t0.plusSeconds(13)));

        service = start();
        await().atMost(Duration.ofSeconds(60)).until(() -> alpaca.connections() == 2);
        List<ConsumerRecord<String, String>> records =
                KafkaTestConsumer.consume(broker, Topics.MARKET_CRYPTO, 7, Duration.ofSeconds(3));

        assertThat(tradeIds(records)).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7");
        Map<String, List<String>> bySymbol = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(r -> tradeIds(List.of(r)).getFirst(), Collectors.toList())));
        assertThat(bySymbol.get("BTC/USD")).containsExactly("1", "3", "5", "6");
        assertThat(bySymbol.get("ETH/USD")).containsExactly("2", "4", "7");
        assertThat(alpaca.restRequests("trades")).as("the gap is asked for from the newest trade Kafka held of the"
                        + " quietest symbol").singleElement()
                .satisfies(url -> assertThat(Instant.parse(url.queryParameter("start"))).isEqualTo(t0.plusSeconds(1)));
    }
}
