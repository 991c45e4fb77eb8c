package com.marketpulse.ingestion;

import com.marketpulse.events.json.EventJson;
import com.marketpulse.events.Topics;
import com.marketpulse.ingestion.support.KafkaTestConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "marketpulse.source=simulator",
        "marketpulse.simulator.trades-per-second=20",
        "marketpulse.simulator.first-anomaly-after=1s",
        "marketpulse.simulator.seed=7",
        "marketpulse.kafka.partitions=3"})
@EmbeddedKafka(partitions = 3)
class SimulatorToKafkaIT {

    static final JsonMapper JSON = EventJson.mapper();

    @Autowired
    EmbeddedKafkaBroker broker;

    @LocalServerPort
    int port;

    @Test
    void simulatedTicksArriveOnMarketCryptoKeyedBySymbolWithTheirEventTime() {
        Instant startedBefore = Instant.now();
        List<ConsumerRecord<String, String>> ticks = consume(Topics.MARKET_CRYPTO, 60);

        assertThat(ticks.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
                .isEqualTo(Set.of("BTC/USD", "ETH/USD", "SOL/USD"));
        for (ConsumerRecord<String, String> record : ticks) {
            JsonNode tick = JSON.readTree(record.value());
            assertThat(tick.get("symbol").asString()).isEqualTo(record.key());
            assertThat(tick.get("source").asString()).isEqualTo("simulator");
            assertThat(tick.get("price").asDouble()).isPositive();
            String eventTime = tick.get("eventTime").asString();
            Instant parsed = Instant.parse(eventTime);
            assertThat(parsed).isBetween(startedBefore.minusSeconds(120), Instant.now());
            assertThat(Instant.ofEpochMilli(record.timestamp())).as("record timestamp is the event time")
                    .isEqualTo(parsed.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(record.headers().toArray()).as("no type-info headers").isEmpty();
        }
        assertThat(ticks.stream().map(r -> JSON.readTree(r.value()).get("eventTime").asString()))
                .as("nanoseconds are kept on the wire")
                .anyMatch(t -> t.matches(".*\\.\\d{7,9}Z"));
    }

    @Test
    void theEarlyPriceSpikeIsPublishedAsALabel() {
        List<ConsumerRecord<String, String>> labels = consume(Topics.MARKET_LABELS, 1);
        JsonNode label = JSON.readTree(labels.getFirst().value());
        assertThat(labels.getFirst().key()).isEqualTo("BTC/USD");
        assertThat(label.get("kind").asString()).isEqualTo("PRICE_SPIKE");
        assertThat(Instant.parse(label.get("end").asString())).isAfter(Instant.parse(label.get("start").asString()));
    }

    @Test
    void healthIsUpWhileKafkaAcknowledges() throws Exception {
        consume(Topics.MARKET_CRYPTO, 1);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/kafkaPublisher/status").asString()).isEqualTo("UP");
    }

    private List<ConsumerRecord<String, String>> consume(String topic, int atLeast) {
        return KafkaTestConsumer.consume(broker, topic, atLeast, Duration.ZERO);
    }
}
