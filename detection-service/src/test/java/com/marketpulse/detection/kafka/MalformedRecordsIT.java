package com.marketpulse.detection.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marketpulse.detection.support.Features;
import com.marketpulse.detection.support.IntegrationTest;
import com.marketpulse.detection.support.Topic;
import com.marketpulse.events.Bar;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hundreds of malformed records on market.features and market.bars through the real broker and database, across
 * the classes truncated, wrong type, NaN/negative, far-future, oversized and unknown symbol, each followed by a
 * good record: every bad one is in {@code <topic>.DLT} once, under its own key, with its reason in a header and in
 * the counter {@code marketpulse.detection.dead.letters{topic,reason}}; every good one is scored or stored; a
 * duplicate is no error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRecordsIT extends IntegrationTest {

    private static final JsonMapper JSON = EventJson.mapper();
    /** Before the wall clock, so that every good record is in the past. */
    private static final Instant BASE = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    private final Map<String, Double> countersBefore = new HashMap<>();
    private final Map<String, ConsumerRecord<String, byte[]>> deadByKey = new HashMap<>();
    private final Map<String, Long> deadPerKey = new HashMap<>();
    private final List<Case> cases = cases();

    /** One malformed record: the topic it is sent to, its key (unique), its bytes and the reason expected. */
    record Case(String topic, String key, String what, String value, String reason) {
        @Override
        public String toString() {
            return key + " " + what;
        }
    }

    @BeforeAll
    void sendEveryCaseEachFollowedByAGoodRecord() {
        for (String topic : List.of(Topics.MARKET_FEATURES, Topics.MARKET_BARS)) {
            for (String reason : List.of("unreadable", "invalid", "far_future", "oversized", "unknown_symbol")) {
                countersBefore.put(topic + ":" + reason, deadLetters(topic, reason));
            }
        }
        double scoredBefore = meters.counter("marketpulse.detection.vectors.scored").count();
        int goodFeatures = 0;
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2_000_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                producer.send(new ProducerRecord<>(c.topic(), c.key(), c.value().getBytes(StandardCharsets.UTF_8)));
                Object good = c.topic().equals(Topics.MARKET_FEATURES)
                        ? Features.calm("MAL/USD", BASE.plusSeconds(10L * i))
                        : goodBar(BASE.plus(Duration.ofMinutes(i)));
                producer.send(new ProducerRecord<>(c.topic(), "good", JSON.writeValueAsBytes(good)));
                goodFeatures += c.topic().equals(Topics.MARKET_FEATURES) ? 1 : 0;
            }
            producer.flush();
        }
        int features = goodFeatures;
        long bars = cases.stream().filter(c -> c.topic().equals(Topics.MARKET_BARS)).count();
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
            assertThat(meters.counter("marketpulse.detection.vectors.scored").count() - scoredBefore)
                    .as("good features scored").isGreaterThanOrEqualTo(features);
            assertThat(storedGoodBars()).as("good bars stored").isEqualTo(bars);
            assertThat(Topic.readAll(brokers, Topics.deadLetter(Topics.MARKET_FEATURES)).size()
                    + Topic.readAll(brokers, Topics.deadLetter(Topics.MARKET_BARS)).size())
                    .isGreaterThanOrEqualTo(cases.size());
        });
        for (String topic : List.of(Topics.MARKET_FEATURES, Topics.MARKET_BARS)) {
            for (ConsumerRecord<String, byte[]> dead : Topic.readAll(brokers, Topics.deadLetter(topic))) {
                deadByKey.put(dead.key(), dead);
                deadPerKey.merge(dead.key(), 1L, Long::sum);
            }
        }
    }

    Stream<Case> malformed() {
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedRecordIsDeadLetteredOnceWithItsReason(Case c) {
        assertThat(deadPerKey.get(c.key())).as("dead letters of " + c).isEqualTo(1L);
        ConsumerRecord<String, byte[]> dead = deadByKey.get(c.key());
        assertThat(dead.topic()).isEqualTo(Topics.deadLetter(c.topic()));
        if (c.reason().equals("unreadable")) {
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).as("the original bytes").isEqualTo(c.value());
        } else {
            // read, then refused: the dead letter holds the event as it was read
            assertThat(parse(dead.value())).isEqualTo(parse(c.value().getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(header(dead, Topics.DEAD_LETTER_REASON)).as(c.toString()).isEqualTo(c.reason());
    }

    @Test
    void atLeastAHundredPerTopicAndEachReasonIsCountedOncePerRecord() {
        Map<String, Long> expected = cases.stream()
                .collect(Collectors.groupingBy(c -> c.topic() + ":" + c.reason(), Collectors.counting()));
        assertThat(cases.stream().filter(c -> c.topic().equals(Topics.MARKET_FEATURES))).hasSizeGreaterThan(100);
        assertThat(cases.stream().filter(c -> c.topic().equals(Topics.MARKET_BARS))).hasSizeGreaterThan(100);
        expected.forEach((key, count) -> {
            String[] topicAndReason = key.split(":");
            assertThat(deadLetters(topicAndReason[0], topicAndReason[1]) - countersBefore.get(key)).as(key)
                    .isEqualTo(count.doubleValue());
        });
    }

    @Test
    void aDuplicateBarIsStoredOnceAndIsNoError() {
        Bar bar = goodBar(BASE.minus(Duration.ofDays(1)));
        Topic.sendJson(brokers, Topics.MARKET_BARS, "duplicate", bar);
        Topic.sendJson(brokers, Topics.MARKET_BARS, "duplicate", bar);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT count(*) FROM detection.bars WHERE symbol = 'MAL/USD' AND start_time = :start")
                .param("start", bar.start().atOffset(java.time.ZoneOffset.UTC)).query(Long.class).single())
                .isEqualTo(1L));
        assertThat(Topic.readAll(brokers, Topics.deadLetter(Topics.MARKET_BARS)))
                .noneMatch(r -> "duplicate".equals(r.key()));
    }

    private List<Case> cases() {
        List<Case> all = new ArrayList<>();
        family(all, Topics.MARKET_FEATURES, t -> Features.calm("MAL/USD", t), "eventTime");
        family(all, Topics.MARKET_BARS, MalformedRecordsIT::goodBar, "start");
        return all;
    }

    private static void family(List<Case> all, String topic, Function<Instant, Object> good, String timeField) {
        Map<String, Object> fields = fields(good.apply(BASE.minus(Duration.ofDays(3))));
        fields.remove("replay"); // derived (isReplay()), ignored when read
        String json = write(fields);
        List<String[]> cases = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            int at = Math.max(1, json.length() * i / 51);
            cases.add(new String[] {"truncated at " + at, json.substring(0, at), "unreadable"});
        }
        for (String field : fields.keySet()) {
            for (Object wrong : List.of(Map.of("a", 1), List.of(1, 2))) {
                cases.add(new String[] {field + " as " + wrong, with(fields, field, wrong), "unreadable"});
            }
            if (fields.get(field) instanceof Number || field.equals(timeField)) {
                cases.add(new String[] {field + " as text", with(fields, field, "abc"), "unreadable"});
            }
        }
        for (String field : fields.keySet()) {
            if (fields.get(field) instanceof Double value) {
                for (Object bad : List.of("NaN", "Infinity", "-Infinity")) {
                    cases.add(new String[] {field + " = " + bad, with(fields, field, bad), "invalid"});
                }
                if (!field.startsWith("return") && value >= 0) {
                    cases.add(new String[] {field + " = -1.5", with(fields, field, -1.5), "invalid"});
                }
            }
        }
        for (Duration ahead : List.of(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1),
                Duration.ofDays(365), Duration.ofDays(36_500))) {
            cases.add(new String[] {"+" + ahead, write(fields(good.apply(Instant.now().plus(ahead)))), "far_future"});
        }
        for (int size : List.of(1_000, 100_000)) {
            cases.add(new String[] {"eventId of " + size, with(fields, "eventId", "x".repeat(size)), "oversized"});
            cases.add(new String[] {"symbol of " + size, with(fields, "symbol", "X".repeat(size)), "oversized"});
        }
        for (String symbol : List.of("DOGE2/USD", "XYZ/USD", "BTC/EUR", "SCAM/USDT", "btc-usd")) {
            cases.add(new String[] {"symbol " + symbol, with(fields, "symbol", symbol), "unknown_symbol"});
        }
        String prefix = topic.equals(Topics.MARKET_FEATURES) ? "f" : "b";
        for (String[] c : cases) {
            all.add(new Case(topic, prefix + "-" + all.size(), c[0], c[1], c[2]));
        }
    }

    private static Bar goodBar(Instant start) {
        return new Bar(Bar.idOf("MAL/USD", start, null), "MAL/USD", start, start.plusSeconds(60), 2.0, 2.1, 1.9, 2.05,
                1_000, 12, null);
    }

    private long storedGoodBars() {
        return jdbc.sql("SELECT count(*) FROM detection.bars WHERE symbol = 'MAL/USD' AND start_time >= :from")
                .param("from", BASE.atOffset(java.time.ZoneOffset.UTC)).query(Long.class).single();
    }

    private double deadLetters(String topic, String reason) {
        Counter counter = meters.find("marketpulse.detection.dead.letters").tag("topic", topic).tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(Object event) {
        return new LinkedHashMap<>(JSON.readValue(JSON.writeValueAsString(event), Map.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(byte[] json) {
        Map<String, Object> fields = new LinkedHashMap<>(JSON.readValue(json, Map.class));
        fields.remove("replay"); // derived (isReplay()), written but never read
        return fields;
    }

    private static String with(Map<String, Object> fields, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(fields);
        changed.put(field, value);
        return write(changed);
    }

    private static String write(Map<String, Object> fields) {
        return JSON.writeValueAsString(fields);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
