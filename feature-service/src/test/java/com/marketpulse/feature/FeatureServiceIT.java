package com.marketpulse.feature;

import com.marketpulse.events.Bar;
import com.marketpulse.events.FeatureVector;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real Spring Boot application and Kafka Streams client against an embedded KRaft broker, with
 * exactly-once processing: ticks in, features, bars and dead letters out, state kept across restarts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MARKETPULSE_CONFIG=../config/marketpulse.yml",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
@EmbeddedKafka(partitions = 3, brokerProperties = {
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
        "group.initial.rebalance.delay.ms=0"})
class FeatureServiceIT {

    private static final JsonMapper JSON = EventJson.mapper();
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00.000000001Z");
    private static Path stateDir;

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    StreamsBuilderFactoryBean streams;
    @LocalServerPort
    int port;

    @BeforeAll
    static void createStateDir() throws IOException {
        stateDir = Files.createTempDirectory("feature-streams");
    }

    @AfterAll
    static void deleteStateDir() throws IOException {
        FileSystemUtils.deleteRecursively(stateDir);
    }

    @DynamicPropertySource
    static void stateDir(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.streams.state-dir", () -> stateDir.toString());
    }

    @Test
    void ticksBecomeFeatureVectorsAndBarsAndCorruptedRecordsGoToTheDeadLetterTopic() throws Exception {
        awaitHealthUp();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < 20; i++) {
                send(producer, Topics.MARKET_CRYPTO, tick("e2e-" + i, "BTC/USD", T0.plusSeconds(5L * i),
                        100_000 + (i % 2) * 0.5, 0.1, null));
            }
            producer.send(new ProducerRecord<>(Topics.MARKET_CRYPTO, "BTC/USD",
                    "{\"not\":\"a tick\"}".getBytes(StandardCharsets.UTF_8)));
            send(producer, Topics.MARKET_CRYPTO, tick("e2e-spike", "BTC/USD", T0.plusSeconds(100), 101_000, 0.1, null));
            send(producer, Topics.MARKET_CRYPTO_REPLAY, tick("e2e-0", "BTC/USD", T0, 42_000, 1.0, "backtest-1"));
        }

        List<FeatureVector> live = new ArrayList<>();
        List<FeatureVector> replay = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.MARKET_FEATURES, Topics.MARKET_BARS,
                    Topics.deadLetter(Topics.MARKET_CRYPTO)));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    switch (record.topic()) {
                        case Topics.MARKET_FEATURES -> {
                            FeatureVector vector = JSON.readValue(record.value(), FeatureVector.class);
                            if (vector.eventId().startsWith("e2e-")) {
                                (vector.isReplay() ? replay : live).add(vector);
                            }
                        }
                        case Topics.MARKET_BARS -> bars.add(JSON.readValue(record.value(), Bar.class));
                        default -> dead.add(record);
                    }
                }
                assertThat(live).as("live feature vectors").hasSizeGreaterThanOrEqualTo(21);
                assertThat(replay).as("replay feature vectors").isNotEmpty();
                assertThat(bars).as("bars").isNotEmpty();
                assertThat(dead).as("dead letters").isNotEmpty();
            });
        }

        assertThat(live).extracting(FeatureVector::samples)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 21).boxed().toList());
        assertThat(live).allSatisfy(v -> assertThat(v.symbol()).isEqualTo("BTC/USD"));
        FeatureVector spike = live.getLast();
        assertThat(spike.eventId()).isEqualTo("e2e-spike");
        assertThat(spike.priceZ()).as("1,000 above a mean whose std is about 0.26").isGreaterThan(1_000);
        assertThat(replay.getFirst().samples()).isEqualTo(1);
        assertThat(replay.getFirst().runId()).isEqualTo("backtest-1");
        assertThat(bars).extracting(Bar::symbol).containsOnly("BTC/USD");
        assertThat(bars.getFirst().start()).isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(bars.getFirst().trades()).isEqualTo(12);
        assertThat(new String(dead.getFirst().value(), StandardCharsets.UTF_8)).isEqualTo("{\"not\":\"a tick\"}");
        assertThat(health()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/metrics/marketpulse.feature.dead.letters?tag=topic:market.crypto"))
                .contains("\"value\":1.0");
        assertThat(get("/actuator/metrics/marketpulse.feature.ticks?tag=stream:replay&tag=outcome:accepted"))
                .contains("\"value\":1.0");
    }

    @Test
    void stateSurvivesARestartAndTheLossOfTheLocalStateDirectory() throws Exception {
        awaitHealthUp();
        String symbol = "SOL/USD";
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.MARKET_FEATURES));
            sendTicks(symbol, 0, 10);
            assertThat(samplesOf(consumer, symbol, 10)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

            streams.stop();
            streams.start();
            awaitHealthUp();
            sendTicks(symbol, 10, 15);
            assertThat(samplesOf(consumer, symbol, 5)).as("after a restart").containsExactly(11, 12, 13, 14, 15);

            streams.stop();
            FileSystemUtils.deleteRecursively(stateDir.resolve("feature-service"));
            streams.start();
            awaitHealthUp();
            sendTicks(symbol, 15, 20);
            assertThat(samplesOf(consumer, symbol, 5)).as("restored from the changelog")
                    .containsExactly(16, 17, 18, 19, 20);
        }
    }

    private void sendTicks(String symbol, int from, int to) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = from; i < to; i++) {
                send(producer, Topics.MARKET_CRYPTO, tick("restart-" + i, symbol, T0.plusSeconds(i), 150 + i * 0.01,
                        1.0, null));
            }
        }
    }

    private static List<Integer> samplesOf(KafkaConsumer<String, byte[]> consumer, String symbol, int count) {
        List<Integer> samples = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                FeatureVector vector = JSON.readValue(record.value(), FeatureVector.class);
                if (vector.symbol().equals(symbol)) {
                    samples.add(vector.samples());
                }
            }
            return samples.size() >= count;
        });
        return samples;
    }

    private void awaitHealthUp() {
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.getKafkaStreams() != null
                && streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING
                && health().contains("\"status\":\"UP\""));
    }

    private String health() throws IOException, InterruptedException {
        return get("/actuator/health");
    }

    private String get(String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, Tick tick) {
        producer.send(new ProducerRecord<>(topic, tick.symbol(), JSON.writeValueAsBytes(tick)));
    }

    private static Tick tick(String id, String symbol, Instant time, double price, double size, String runId) {
        return new Tick(id, symbol, time, price, size, id, null, runId == null ? "simulator" : "replay",
                runId == null ? "simulator" : "replay", runId);
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
