package com.marketpulse.feature;

import com.marketpulse.events.Bar;
import com.marketpulse.events.MarketFeatures;
import com.marketpulse.events.Quote;
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
 * exactly-once processing: trades and quotes in, market features, bars and dead letters out, state kept across
 * restarts.
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
    void tradesAndQuotesBecomeFeaturesAndBarsAndCorruptedRecordsGoToTheirDeadLetterTopics() throws Exception {
        awaitHealthUp();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < 20; i++) {
                send(producer, Topics.MARKET_CRYPTO, tick("e2e-" + i, "BTC/USD", T0.plusSeconds(5L * i),
                        100_000 + (i % 2) * 0.5, 0.1, null));
            }
            producer.send(new ProducerRecord<>(Topics.MARKET_CRYPTO, "BTC/USD",
                    "{\"not\":\"a tick\"}".getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(Topics.MARKET_QUOTES, "BTC/USD",
                    "{\"not\":\"a quote\"}".getBytes(StandardCharsets.UTF_8)));
            send(producer, Topics.MARKET_QUOTES, quote("BTC/USD", T0.plusSeconds(100), 101_000, null));
            send(producer, Topics.MARKET_CRYPTO_REPLAY, tick("e2e-0", "BTC/USD", T0, 42_000, 1.0, "backtest-1"));
        }

        List<MarketFeatures> live = new ArrayList<>();
        List<MarketFeatures> replay = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.MARKET_FEATURES, Topics.MARKET_FEATURES_REPLAY, Topics.MARKET_BARS,
                    Topics.deadLetter(Topics.MARKET_CRYPTO), Topics.deadLetter(Topics.MARKET_QUOTES)));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    switch (record.topic()) {
                        // by topic, not by run id: a backtest's features on the live topic would count as live
                        case Topics.MARKET_FEATURES, Topics.MARKET_FEATURES_REPLAY -> {
                            MarketFeatures features = JSON.readValue(record.value(), MarketFeatures.class);
                            if (features.symbol().equals("BTC/USD")) {
                                (record.topic().equals(Topics.MARKET_FEATURES) ? live : replay).add(features);
                            }
                        }
                        case Topics.MARKET_BARS -> {
                            Bar bar = JSON.readValue(record.value(), Bar.class);
                            if (bar.symbol().equals("BTC/USD")) {
                                bars.add(bar);
                            }
                        }
                        default -> {
                            // this test's corrupted records (another test sends refused ones of its own)
                            if (record.key().equals("BTC/USD")) {
                                dead.add(record);
                            }
                        }
                    }
                }
                assertThat(live).as("live features").hasSizeGreaterThanOrEqualTo(21);
                assertThat(replay).as("replay features").isNotEmpty();
                assertThat(bars).as("bars").isNotEmpty();
                assertThat(dead).as("dead letters").hasSize(2);
            });
        }

        assertThat(live).hasSize(21).allSatisfy(f -> assertThat(f.symbol()).isEqualTo("BTC/USD"))
                .allSatisfy(f -> assertThat(f.runId()).as("no backtest on the live topic").isNull());
        assertThat(live.subList(0, 20)).extracting(MarketFeatures::eventTime).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 20).mapToObj(i -> T0.plusSeconds(5L * i)).toList());
        MarketFeatures jump = live.getLast();
        assertThat(jump.price()).as("the quote's mid").isEqualTo(101_000.0);
        assertThat(jump.return1m()).as("1 % above the trades a minute earlier")
                .isCloseTo(Math.log(101_000 / 100_000.5), org.assertj.core.api.Assertions.within(1e-3));
        assertThat(replay.getFirst().price()).isEqualTo(42_000.0);
        assertThat(replay.getFirst().runId()).isEqualTo("backtest-1");
        assertThat(bars.getFirst().start()).isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(bars.getFirst().trades()).isEqualTo(12);
        assertThat(dead).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("{\"not\":\"a tick\"}", "{\"not\":\"a quote\"}");
        assertThat(health()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/metrics/marketpulse.feature.dead.letters?tag=topic:market.crypto"
                + "&tag=reason:malformed")).contains("\"value\":1.0");
        assertThat(get("/actuator/metrics/marketpulse.feature.dead.letters?tag=topic:market.quotes"
                + "&tag=reason:malformed")).contains("\"value\":1.0");
        assertThat(get("/actuator/metrics/marketpulse.feature.inputs?tag=stream:replay&tag=kind:trade&tag=outcome:step"))
                .contains("\"value\":1.0");
    }

    @Test
    void stateSurvivesARestartAndTheLossOfTheLocalStateDirectory() throws Exception {
        awaitHealthUp();
        String symbol = "SOL/USD";
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.MARKET_FEATURES));
            sendQuotes(symbol, 0, 6);
            assertThat(returnsOf(consumer, symbol, 6)).as("no price a minute earlier yet").containsOnly(0.0);

            streams.stop();
            streams.start();
            awaitHealthUp();
            sendQuotes(symbol, 6, 7);
            assertThat(returnsOf(consumer, symbol, 1)).as("after a restart, the price of a minute ago is known")
                    .singleElement().satisfies(r -> assertThat(r).isCloseTo(Math.log(156.0 / 150.0),
                            org.assertj.core.api.Assertions.within(1e-9)));

            streams.stop();
            FileSystemUtils.deleteRecursively(stateDir.resolve("feature-service"));
            streams.start();
            awaitHealthUp();
            sendQuotes(symbol, 7, 8);
            assertThat(returnsOf(consumer, symbol, 1)).as("restored from the changelog")
                    .singleElement().satisfies(r -> assertThat(r).isCloseTo(Math.log(157.0 / 151.0),
                            org.assertj.core.api.Assertions.within(1e-9)));
        }
    }

    @Test
    void aFarFutureTradeOrAnUnwatchedSymbolIsDeadLetteredAndTheSymbolsLaterTradesGoOn() throws Exception {
        awaitHealthUp();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, Topics.MARKET_CRYPTO, tick("eth-0", "ETH/USD", T0, 150, 1, null));
            // a day ahead of the wall clock: without the check, every later real trade of ETH/USD is "late"
            send(producer, Topics.MARKET_CRYPTO, tick("eth-future", "ETH/USD", Instant.now().plus(Duration.ofDays(1)),
                    999, 1, null));
            send(producer, Topics.MARKET_CRYPTO, tick("scam-0", "SCAM/USD", T0, 1, 1, null));
            send(producer, Topics.MARKET_CRYPTO, tick("eth-1", "ETH/USD", T0.plusSeconds(10), 151, 1, null));
            send(producer, Topics.MARKET_CRYPTO, tick("eth-2", "ETH/USD", T0.plusSeconds(20), 152, 1, null));
        }

        List<MarketFeatures> eth = new ArrayList<>();
        Map<String, String> reasons = new java.util.TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.MARKET_FEATURES, Topics.deadLetter(Topics.MARKET_CRYPTO)));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.topic().equals(Topics.MARKET_FEATURES)) {
                        MarketFeatures features = JSON.readValue(record.value(), MarketFeatures.class);
                        if (features.symbol().equals("ETH/USD")) {
                            eth.add(features);
                        }
                    } else if (record.headers().lastHeader(Topics.DEAD_LETTER_REASON) != null) {
                        Tick tick = JSON.readValue(record.value(), Tick.class);
                        reasons.put(tick.eventId(), new String(
                                record.headers().lastHeader(Topics.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8));
                    }
                }
                assertThat(eth).extracting(MarketFeatures::price).containsExactly(150.0, 151.0, 152.0);
                assertThat(reasons).containsEntry("eth-future", "far_future").containsEntry("scam-0", "unknown_symbol");
            });
        }
        assertThat(get("/actuator/metrics/marketpulse.feature.dead.letters?tag=topic:market.crypto"
                + "&tag=reason:far_future")).contains("\"value\":1.0");
        assertThat(get("/actuator/metrics/marketpulse.feature.dead.letters?tag=topic:market.crypto"
                + "&tag=reason:unknown_symbol")).contains("\"value\":1.0");
    }

    /** Quotes every 10 s with mids 150, 151, ... */
    private void sendQuotes(String symbol, int from, int to) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = from; i < to; i++) {
                send(producer, Topics.MARKET_QUOTES, quote(symbol, T0.plusSeconds(10L * i), 150 + i, null));
            }
        }
    }

    private static List<Double> returnsOf(KafkaConsumer<String, byte[]> consumer, String symbol, int count) {
        List<Double> returns = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                MarketFeatures features = JSON.readValue(record.value(), MarketFeatures.class);
                if (features.symbol().equals(symbol)) {
                    returns.add(features.return1m());
                }
            }
            return returns.size() >= count;
        });
        return returns;
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

    private static void send(KafkaProducer<String, byte[]> producer, String topic, Object event) {
        String symbol = switch (event) {
            case Tick tick -> tick.symbol();
            case Quote quote -> quote.symbol();
            default -> throw new IllegalArgumentException();
        };
        producer.send(new ProducerRecord<>(topic, symbol, JSON.writeValueAsBytes(event)));
    }

    /** A quote 0.02 wide around {@code mid}. */
    private static Quote quote(String symbol, Instant time, double mid, String runId) {
        return Quote.live("simulator", "simulator", symbol, time, mid - 0.01, 1.0, mid + 0.01, 1.0).withRunId(runId);
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
