package com.marketpulse.api.stream;

import static com.marketpulse.api.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import com.marketpulse.events.json.EventJson;
import tools.jackson.databind.json.JsonMapper;

import com.marketpulse.api.ApiIntegrationTest;
import com.marketpulse.api.SseClient;
import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Topics;

class AlertStreamIT extends ApiIntegrationTest {

    private static final JsonMapper JSON = EventJson.mapper();
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeEach
    void listenerIsAssigned() {
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            ContainerTestUtils.waitForAssignment(container, broker.getPartitionsPerTopic());
        }
    }

    @Test
    void streamsAnAlertPublishedOnMarketAlertsAsAnAlertEvent() {
        try (SseClient stream = new SseClient(http, "/api/alerts/stream", null, null)) {
            await().atMost(PATIENCE).until(() -> stream.status() == 200);
            Alert published = alert("BTC/USD", AlertType.PRICE_SPIKE, 77, Instant.now());

            publish(published);

            await().atMost(PATIENCE).until(() -> stream.ids().contains(published.alertId()));
            SseClient.Event event = stream.events().stream()
                    .filter(e -> published.alertId().equals(e.id())).findFirst().orElseThrow();
            assertThat(event.name()).isEqualTo("alert");
            var data = JSON.readTree(event.data());
            assertThat(data.get("id").asString()).isEqualTo(published.alertId());
            assertThat(data.get("symbol").asString()).isEqualTo("BTC/USD");
            assertThat(data.get("severity").asInt()).isEqualTo(77);
            assertThat(data.has("runId")).isFalse();
        }
    }

    @Test
    void aSignedInStreamCarriesOnlyThePortfolioCoins() {
        String token = http.login("demo", "demo123");
        http.put("/api/me/portfolio", "{\"symbols\":[\"SOL/USD\"]}", token);
        try (SseClient mine = new SseClient(http, "/api/alerts/stream", token, null);
             SseClient everyone = new SseClient(http, "/api/alerts/stream", null, null);
             SseClient signedInEveryCoin = new SseClient(http, "/api/alerts/stream?scope=all", token, null)) {
            await().atMost(PATIENCE).until(() -> mine.status() == 200 && everyone.status() == 200
                    && signedInEveryCoin.status() == 200);
            Alert eth = alert("ETH/USD", AlertType.VOLUME_ANOMALY, 60, Instant.now());
            Alert sol = alert("SOL/USD", AlertType.VOLUME_ANOMALY, 60, Instant.now());

            publish(eth);
            publish(sol);

            await().atMost(PATIENCE).until(() -> everyone.ids().containsAll(java.util.List.of(eth.alertId(), sol.alertId())));
            await().atMost(PATIENCE).until(() -> signedInEveryCoin.ids().containsAll(
                    java.util.List.of(eth.alertId(), sol.alertId())));
            await().atMost(PATIENCE).until(() -> mine.ids().contains(sol.alertId()));
            assertThat(mine.ids()).doesNotContain(eth.alertId());
        } finally {
            http.put("/api/me/portfolio", "{\"symbols\":[\"BTC/USD\",\"ETH/USD\",\"SOL/USD\"]}", token);
        }
    }

    @Test
    void resumesFromLastEventIdWithWhatWasStoredSince() {
        Instant t = Instant.now().minusSeconds(600);
        Alert seen = alert("seen-" + UUID.randomUUID(), "BTC/USD", AlertType.PRICE_SPIKE, 50, t, null);
        Alert missed1 = alert("missed1-" + UUID.randomUUID(), "ETH/USD", AlertType.PRICE_SPIKE, 50, t.plusSeconds(10), null);
        Alert missed2 = alert("missed2-" + UUID.randomUUID(), "BTC/USD", AlertType.PRICE_SPIKE, 50, t.plusSeconds(20), null);
        Alert backtest = alert("bt-" + UUID.randomUUID(), "BTC/USD", AlertType.PRICE_SPIKE, 50, t.plusSeconds(30), "run-1");
        store(seen);
        store(missed1);
        store(missed2);
        store(backtest);

        try (SseClient stream = new SseClient(http, "/api/alerts/stream", null, seen.alertId())) {
            await().atMost(PATIENCE).until(() -> stream.ids().contains(missed2.alertId()));
            assertThat(stream.ids()).containsSubsequence(missed1.alertId(), missed2.alertId())
                    .doesNotContain(seen.alertId(), backtest.alertId());
        }
    }

    @Test
    void aBadRecordGoesToTheDeadLetterTopicAndTheStreamCarriesOn() {
        Map<String, Object> props = KafkaTestUtils.producerProps(broker.getBrokersAsString());
        try (var raw = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
             SseClient stream = new SseClient(http, "/api/alerts/stream", null, null);
             Consumer<String, String> dlt = new DefaultKafkaConsumerFactory<>(
                     KafkaTestUtils.consumerProps(broker, "dlt-check-" + UUID.randomUUID(), false),
                     new StringDeserializer(), new StringDeserializer()).createConsumer()) {
            await().atMost(PATIENCE).until(() -> stream.status() == 200);
            raw.send(new ProducerRecord<>(Topics.MARKET_ALERTS, "BTC/USD", "{not json".getBytes()));
            raw.flush();
            Alert after = alert("BTC/USD", AlertType.PRICE_SPIKE, 61, Instant.now());
            publish(after);

            await().atMost(PATIENCE).until(() -> stream.ids().contains(after.alertId()));
            broker.consumeFromAnEmbeddedTopic(dlt, StreamKafkaConfig.DEAD_LETTERS);
            ConsumerRecord<String, String> dead = KafkaTestUtils.getSingleRecord(dlt, StreamKafkaConfig.DEAD_LETTERS,
                    Duration.ofSeconds(15));
            assertThat(dead.value()).isEqualTo("{not json");
        }
    }

    @Test
    void theStreamConsumerCommitsNothingSoARestartLeavesNoGroupBehind() throws Exception {
        try (SseClient stream = new SseClient(http, "/api/alerts/stream", null, null)) {
            await().atMost(PATIENCE).until(() -> stream.status() == 200);
            Alert published = alert("BTC/USD", AlertType.PRICE_SPIKE, 70, Instant.now());
            publish(published);
            await().atMost(PATIENCE).until(() -> stream.ids().contains(published.alertId()));
        }

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            List<String> streamGroups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get().stream()
                    .map(GroupListing::groupId).filter(id -> id.startsWith("api-service-stream-")).toList();
            assertThat(streamGroups).isNotEmpty();
            for (String group : streamGroups) {
                assertThat(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get())
                        .as("offsets of " + group).isEmpty();
            }
        }
    }

    @Test
    void aHolderSeesOnTheStreamWhatEachAlertsMoveDidToTheirHolding() {
        String name = "stream-" + UUID.randomUUID().toString().substring(0, 8);
        http.post("/api/auth/register", "{\"username\":\"" + name + "\",\"password\":\"violet harbour lanterns\"}",
                null);
        String token = http.login(name, "violet harbour lanterns");
        http.put("/api/me/portfolio", "{\"symbols\":[\"ETH/USD\"],\"quantities\":{\"ETH/USD\":2}}", token);
        try (SseClient mine = new SseClient(http, "/api/alerts/stream", token, null);
             SseClient anonymous = new SseClient(http, "/api/alerts/stream", null, null)) {
            await().atMost(PATIENCE).until(() -> mine.status() == 200 && anonymous.status() == 200);
            Instant now = Instant.now();
            Alert fall = new Alert(UUID.randomUUID().toString(), "ETH/USD", AlertType.PRICE_SPIKE,
                    com.marketpulse.events.Direction.DOWN, 80, com.marketpulse.events.SeverityLevel.of(80), now, now,
                    3_000, 0.7, "m", "ETH/USD −4.0 % in 5 min, 6.1× its usual 5-minute move", now, null);

            publish(fall);

            await().atMost(PATIENCE).until(() -> mine.ids().contains(fall.alertId())
                    && anonymous.ids().contains(fall.alertId()));
            var impact = JSON.readTree(data(mine, fall.alertId())).get("impact");
            // 2 × (3,000 − 3,000 / 0.96) = −250
            assertThat(impact.get("amount").asDouble()).isEqualTo(-250.0);
            assertThat(impact.get("text").asString()).isEqualTo("your 2 ETH: −$250 in 5 min");
            assertThat(JSON.readTree(data(anonymous, fall.alertId())).get("impact").isNull()).isTrue();
        }
    }

    private static String data(SseClient stream, String id) {
        return stream.events().stream().filter(e -> id.equals(e.id())).findFirst().orElseThrow().data();
    }

    private void publish(Alert alert) {
        Map<String, Object> props = KafkaTestUtils.producerProps(broker.getBrokersAsString());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.MARKET_ALERTS, alert.symbol(), JSON.writeValueAsString(alert)));
            producer.flush();
        }
    }
}
