package com.marketpulse.ingestion.alpaca;

import com.marketpulse.events.Topics;
import com.marketpulse.ingestion.alpaca.FakeAlpacaServer.Bar;
import com.marketpulse.ingestion.alpaca.FakeAlpacaServer.Quote;
import com.marketpulse.ingestion.publish.PublishedBars;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service on Kraken US ({@code ALPACA_LOCATION=us-1}) against a fake Alpaca: seeds the minute bars of the last
 * day from REST (paged), streams quotes and bars to their topics naming the venue, publishes an updated bar as a
 * correction under the original's event id, and closes a reconnect's gap of bars from REST with nothing twice.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "marketpulse.source=alpaca",
        "marketpulse.symbols=BTC/USD,ETH/USD",
        "marketpulse.alpaca.location=us-1",
        "marketpulse.alpaca.api-key=" + FakeAlpacaServer.KEY,
        "marketpulse.alpaca.secret-key=" + FakeAlpacaServer.SECRET,
        "marketpulse.alpaca.initial-backoff=100ms",
        "marketpulse.alpaca.max-backoff=500ms",
        // its "live" bars are half an hour old, later than the quotes: late by the shipped edge, not here
        "marketpulse.edge.max-lateness=2h"})
@EmbeddedKafka(partitions = 3)
class AlpacaMarketDataToKafkaIT {

    static final FakeAlpacaServer ALPACA = FakeAlpacaServer.started();
    static final List<String> SYMBOLS = List.of("BTC/USD", "ETH/USD");
    /** Every bar of this test lies well in the past: minutes T0-10 .. T0-1. */
    static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(30));

    static {
        ALPACA.pageSize = 5;
        for (int minute = 10; minute >= 5; minute--) {
            for (String symbol : SYMBOLS) {
                ALPACA.closeBarsUnseen(bar(symbol, minute, 0));
            }
        }
    }

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    PublishedBars publishedBars;

    @DynamicPropertySource
    static void alpacaUrls(DynamicPropertyRegistry registry) {
        ALPACA.registerUrls(registry);
    }

    @AfterAll
    static void stopAlpaca() throws IOException {
        ALPACA.close();
    }

    static Bar bar(String symbol, int minutesBeforeT0, double volume) {
        double mid = symbol.equals("BTC/USD") ? 70_000 + minutesBeforeT0 : 3_000 + minutesBeforeT0;
        return new Bar(symbol, T0.minus(Duration.ofMinutes(minutesBeforeT0)).toString(), mid, mid + 5, mid - 5, mid,
                volume, volume > 0 ? 3 : 0, volume > 0 ? mid : 0);
    }

    @Test
    void quotesAndBarsReachTheirTopicsOnceNamingTheVenueAcrossAReconnect() {
        // the seed (6 minutes x 2 symbols, paged by 5) is in Kafka before the exchange moves on
        assertThat(KafkaTestConsumer.consume(broker, Topics.MARKET_SOURCE_BARS, 12, Duration.ZERO)).hasSize(12);
        Instant quoteTime = Instant.now();
        ALPACA.quote(new Quote("BTC/USD", 69_625.1, 0.28, 69_684.9, 0.68, quoteTime.toString()));
        ALPACA.quote(new Quote("ETH/USD", 2_999.5, 3.1, 3_000.5, 2.2, quoteTime.plusMillis(1).toString()));
        for (int minute = 4; minute >= 3; minute--) {
            for (String symbol : SYMBOLS) {
                ALPACA.closeBar(bar(symbol, minute, 0));
            }
        }
        ALPACA.updateBar(bar("BTC/USD", 4, 0.02));
        List<ConsumerRecord<String, String>> streamed =
                KafkaTestConsumer.consume(broker, Topics.MARKET_SOURCE_BARS, 17, Duration.ZERO);
        assertThat(streamed).hasSize(17);

        ALPACA.dropConnection();
        for (int minute = 2; minute >= 1; minute--) {
            for (String symbol : SYMBOLS) {
                ALPACA.closeBarsUnseen(bar(symbol, minute, 0));
            }
        }

        List<ConsumerRecord<String, String>> records =
                KafkaTestConsumer.consume(broker, Topics.MARKET_SOURCE_BARS, 21, Duration.ofSeconds(2));
        assertThat(records).hasSize(21);
        Map<String, Long> versions = records.stream()
                .collect(Collectors.groupingBy(r -> json(r).get("eventId").asString(), Collectors.counting()));
        assertThat(versions).hasSize(20);
        String btcAtMinus4 = "alpaca:us-1:BTC/USD:b:" + T0.minus(Duration.ofMinutes(4));
        assertThat(versions.entrySet()).filteredOn(e -> e.getValue() > 1).extracting(Map.Entry::getKey)
                .containsExactly(btcAtMinus4);
        Map<String, List<Instant>> startsBySymbol = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode bar = json(record);
            Instant start = Instant.parse(bar.get("start").asString());
            assertThat(record.key()).isEqualTo(bar.get("symbol").asString());
            assertThat(bar.get("venue").asString()).isEqualTo("us-1");
            assertThat(bar.get("source").asString()).isEqualTo("alpaca");
            assertThat(Instant.parse(bar.get("eventTime").asString())).isEqualTo(start.plus(Duration.ofMinutes(1)));
            assertThat(record.timestamp()).isEqualTo(start.plus(Duration.ofMinutes(1)).toEpochMilli());
            assertThat(bar.get("corrected").asBoolean()).isEqualTo(bar.get("eventId").asString().equals(btcAtMinus4)
                    && bar.get("volume").asDouble() > 0);
            startsBySymbol.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(start);
        }
        List<Instant> everyMinute = IntStream.rangeClosed(1, 10)
                .mapToObj(m -> T0.minus(Duration.ofMinutes(m))).sorted().toList();
        for (String symbol : SYMBOLS) {
            assertThat(startsBySymbol.get(symbol).stream().distinct().sorted().toList()).isEqualTo(everyMinute);
        }
        ConsumerRecord<String, String> correction = records.stream()
                .filter(r -> json(r).get("corrected").asBoolean()).findFirst().orElseThrow();
        assertThat(json(correction).get("volume").asDouble()).isEqualTo(0.02);

        List<ConsumerRecord<String, String>> quotes =
                KafkaTestConsumer.consume(broker, Topics.MARKET_QUOTES, 2, Duration.ofSeconds(1));
        assertThat(quotes).hasSize(2);
        Map<String, JsonNode> quoteBySymbol = quotes.stream()
                .collect(Collectors.toMap(ConsumerRecord::key, AlpacaMarketDataToKafkaIT::json));
        assertThat(quoteBySymbol.get("BTC/USD").get("bidPrice").asDouble()).isEqualTo(69_625.1);
        assertThat(quoteBySymbol.get("BTC/USD").get("askSize").asDouble()).isEqualTo(0.68);
        assertThat(quoteBySymbol.get("BTC/USD").get("venue").asString()).isEqualTo("us-1");
        assertThat(Instant.parse(quoteBySymbol.get("BTC/USD").get("eventTime").asString())).isEqualTo(quoteTime);

        // ALPACA_LOCATION chose the venue's path on the stream and on REST
        assertThat(ALPACA.connections()).isEqualTo(2);
        assertThat(ALPACA.streamPaths).containsOnly("/v1beta3/crypto/us-1");
        assertThat(ALPACA.restRequests("bars")).isNotEmpty().allSatisfy(url -> {
            assertThat(url.encodedPath()).isEqualTo("/v1beta3/crypto/us-1/bars");
            assertThat(url.queryParameter("timeframe")).isEqualTo("1Min");
        });
        assertThat(ALPACA.restRequests("bars")).anyMatch(url -> url.queryParameter("page_token") != null);

        // what a restart reads back from Kafka: the newest bar published per symbol of this venue
        assertThat(publishedBars.lastStarts("alpaca", "us-1", Duration.ofDays(1)))
                .isEqualTo(Map.of("BTC/USD", T0.minus(Duration.ofMinutes(1)), "ETH/USD",
                        T0.minus(Duration.ofMinutes(1))));
        assertThat(publishedBars.lastStarts("alpaca", "us", Duration.ofDays(1))).isEmpty();
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        return FakeAlpacaServer.JSON.readTree(record.value());
    }

}
