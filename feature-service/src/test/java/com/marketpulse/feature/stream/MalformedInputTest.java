package com.marketpulse.feature.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.events.MarketFeatures;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;
import com.marketpulse.events.json.EventSerdes;
import com.marketpulse.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Well over 100 malformed records on each input family (trades, quotes, source bars), across the classes
 * truncated, wrong type, NaN/negative, far-future, oversized, implausible, unknown symbol and wrong stream: each
 * goes to its own topic's dead-letter topic with its reason in a header and in the counter, and the good record
 * sent after it is processed. Duplicates are not errors: they are counted and change nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputTest {

    /** The wall clock the live limits judge by. */
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final JsonMapper JSON = EventJson.mapper();
    private static final int REPLAY_CAP = 3;

    private final CountingEvents events = new CountingEvents();
    private final Map<String, TestInputTopic<String, byte[]>> inputs = new HashMap<>();
    private final Map<String, TestOutputTopic<String, byte[]>> deadLetters = new HashMap<>();
    private TestOutputTopic<String, MarketFeatures> features;
    private TestOutputTopic<String, MarketFeatures> replayFeatures;
    private TopologyTestDriver driver;
    private Path stateDir;
    /** Each good record is one grid step (10 s) after the previous one. */
    private int step;

    @BeforeAll
    void startDriver() throws Exception {
        stateDir = Files.createTempDirectory("malformed-input-test");
        StreamsBuilder builder = new StreamsBuilder();
        var limits = new InputLimits(Set.copyOf(Settings.defaults().symbols()), Duration.ofSeconds(30), REPLAY_CAP,
                Clock.fixed(NOW, ZoneOffset.UTC));
        FeatureTopology.build(builder, Settings.defaults().features(), Duration.ofHours(1), limits, events);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "malformed-input-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        props.put(StreamEvents.CONFIG, events);
        driver = new TopologyTestDriver(builder.build(), props);
        for (String topic : FeatureTopology.inputTopics()) {
            inputs.put(topic, driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer()));
            deadLetters.put(topic, driver.createOutputTopic(Topics.deadLetter(topic), new StringDeserializer(),
                    new ByteArrayDeserializer()));
        }
        features = driver.createOutputTopic(Topics.MARKET_FEATURES, new StringDeserializer(),
                EventSerdes.marketFeatures().deserializer());
        replayFeatures = driver.createOutputTopic(Topics.MARKET_FEATURES_REPLAY, new StringDeserializer(),
                EventSerdes.marketFeatures().deserializer());
    }

    @AfterAll
    void closeDriver() {
        driver.close();
    }

    /** One input family: its topic, its kind in the counters, and a valid live event at a time. */
    private record Family(String topic, String kind, Function<Instant, Object> good) {
        @Override
        public String toString() {
            return kind;
        }
    }

    private static final Family TRADES = new Family(Topics.MARKET_CRYPTO, "trade",
            t -> Tick.live("alpaca", "crypto", "BTC/USD", t, 100_000, 0.5, "id-" + t.toEpochMilli(), "B"));
    private static final Family QUOTES = new Family(Topics.MARKET_QUOTES, "quote",
            t -> Quote.live("alpaca", "crypto", "ETH/USD", t, 3_000, 1, 3_001, 2));
    private static final Family BARS = new Family(Topics.MARKET_SOURCE_BARS, "bar",
            t -> new SourceBar(SourceBar.class.getSimpleName() + "@" + t, "SOL/USD", t.minusSeconds(60), t, 150, 152,
                    149, 151, 1_234.5, 17, 150.5, false, "alpaca", "crypto", null));

    static Stream<Arguments> malformed() {
        List<Arguments> cases = new ArrayList<>();
        for (Family family : List.of(TRADES, QUOTES, BARS)) {
            Map<String, Object> good = fields(family.good().apply(NOW.minusSeconds(3_600)));
            String json = write(good);
            // truncated: cut anywhere
            for (int i = 1; i <= 50; i++) {
                int at = Math.max(1, json.length() * i / 51);
                cases.add(Arguments.of(family, "truncated at " + at, json.substring(0, at), "malformed"));
            }
            // wrong type: every field as an object and an array; numbers and times as text and booleans
            good.remove("replay"); // derived (isReplay()), ignored when read
            for (String field : good.keySet()) {
                for (Object wrong : List.of(Map.of("a", 1), List.of(1, 2))) {
                    cases.add(Arguments.of(family, field + " as " + wrong, with(good, field, wrong), "malformed"));
                }
                if (good.get(field) instanceof Number || field.equals("eventTime") || field.equals("start")) {
                    for (Object wrong : List.of("abc", true)) {
                        cases.add(Arguments.of(family, field + " as " + wrong, with(good, field, wrong), "malformed"));
                    }
                }
            }
            // NaN, infinite, negative, zero prices
            for (String field : good.keySet()) {
                if (good.get(field) instanceof Double) {
                    for (Object bad : List.of("NaN", "Infinity", "-Infinity", -1.0, -1e-9)) {
                        cases.add(Arguments.of(family, field + " = " + bad, with(good, field, bad), "malformed"));
                    }
                }
            }
            String priceField = family == QUOTES ? "askPrice" : family == BARS ? "high" : "price";
            String sizeField = family == QUOTES ? "askSize" : family == BARS ? "volume" : "size";
            cases.add(Arguments.of(family, "NaN token", with(good, priceField, "NAN").replace("\"NAN\"", "NaN"),
                    "malformed"));
            // far ahead of the wall clock (max-future is 30 s)
            for (Duration ahead : List.of(Duration.ofSeconds(31), Duration.ofMinutes(1), Duration.ofMinutes(10),
                    Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(30), Duration.ofDays(365),
                    Duration.ofDays(36_500))) {
                cases.add(Arguments.of(family, "+" + ahead, write(fields(family.good().apply(NOW.plus(ahead)))),
                        "far_future"));
            }
            cases.add(Arguments.of(family, "year 9999",
                    write(fields(family.good().apply(Instant.parse("9999-12-31T23:59:59Z")))), "far_future"));
            // oversized
            for (int size : List.of(17_000, 64_000, 1_000_000)) {
                cases.add(Arguments.of(family, "venue of " + size + " chars", with(good, "venue", "x".repeat(size)),
                        "oversized"));
            }
            cases.add(Arguments.of(family, "padded to 20 kB", json + " ".repeat(20_000), "oversized"));
            // a price or size no market has
            cases.add(Arguments.of(family, "price 1e10", with(good, priceField, 1e10), "implausible"));
            cases.add(Arguments.of(family, "size 1e16", with(good, sizeField, 1e16), "implausible"));
            // symbols nobody configured
            for (String symbol : List.of("DOGE/USD", "XYZ/USD", "BTC/EUR", "A1/B2", "SCAM/USDT")) {
                cases.add(Arguments.of(family, "symbol " + symbol, with(good, "symbol", symbol), "unknown_symbol"));
            }
            cases.add(Arguments.of(family, "run id on a live topic", with(good, "runId", "run-7"), "wrong_stream"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformed")
    void aMalformedRecordGoesToItsDeadLetterTopicWithItsReasonAndTheNextGoodOneIsProcessed(
            Family family, String what, String value, String reason) {
        String counter = "DLT:" + family.topic() + ":deserialization:" + reason;
        long before = events.count(counter);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);

        inputs.get(family.topic()).pipeInput("key", bytes);

        List<TestRecord<String, byte[]>> dead = deadLetters.get(family.topic()).readRecordsToList();
        assertThat(dead).as(family + ": " + what).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo(bytes);
            assertThat(header(record, Topics.DEAD_LETTER_REASON)).isEqualTo(reason);
            assertThat(header(record, DeadLetters.TOPIC)).isEqualTo(family.topic());
        });
        assertThat(events.count(counter)).isEqualTo(before + 1);
        assertGoodRecordIsProcessed(family, what);
    }

    static Stream<Family> families() {
        return Stream.of(TRADES, QUOTES, BARS);
    }

    @ParameterizedTest
    @MethodSource("families")
    void aDuplicateIsNoErrorAndChangesNothing(Family family) {
        Object event = family.good().apply(nextTime());
        send(family, event);
        assertThat(features.readValuesToList()).hasSize(1);
        long duplicates = events.count("live:" + family.kind() + ":duplicate");

        send(family, event);

        assertThat(deadLetters.get(family.topic()).isEmpty()).isTrue();
        assertThat(features.isEmpty()).as("the duplicate makes no new grid step").isTrue();
        if (family == TRADES) {
            assertThat(events.count("live:trade:duplicate")).isEqualTo(duplicates + 1);
        }
        assertGoodRecordIsProcessed(family);
    }

    @Test
    void aBacktestRunTakesItsOwnSymbolsUpToItsCapAndRefusesTheRest() {
        String run = "run-capped";
        Instant time = NOW.minus(Duration.ofDays(400));
        List<String> symbols = List.of("AAA/USD", "BBB/USD", "CCC/USD", "DDD/USD", "EEE/USD");
        for (String symbol : symbols) {
            inputs.get(Topics.MARKET_QUOTES_REPLAY).pipeInput(symbol, json(new Quote("q-" + symbol, symbol, time,
                    10, 1, 11, 1, "replay", "file", run)));
        }
        // the run's symbols within the cap go on
        inputs.get(Topics.MARKET_QUOTES_REPLAY).pipeInput("AAA/USD", json(new Quote("q2", "AAA/USD",
                time.plusSeconds(10), 10, 1, 11, 1, "replay", "file", run)));

        assertThat(replayFeatures.readValuesToList()).extracting(MarketFeatures::symbol)
                .containsExactly("AAA/USD", "BBB/USD", "CCC/USD", "AAA/USD");
        List<TestRecord<String, byte[]>> dead = deadLetters.get(Topics.MARKET_QUOTES_REPLAY).readRecordsToList();
        assertThat(dead).extracting(TestRecord::key).containsExactly("DDD/USD", "EEE/USD");
        assertThat(dead).allSatisfy(record ->
                assertThat(header(record, Topics.DEAD_LETTER_REASON)).isEqualTo("replay_symbol_cap"));
        assertThat(events.count("DLT:" + Topics.MARKET_QUOTES_REPLAY + ":processing:replay_symbol_cap"))
                .isEqualTo(2);
        // another run has its own cap
        inputs.get(Topics.MARKET_QUOTES_REPLAY).pipeInput("DDD/USD", json(new Quote("q3", "DDD/USD", time, 10, 1,
                11, 1, "replay", "file", "run-other")));
        assertThat(replayFeatures.readValuesToList()).extracting(MarketFeatures::symbol).containsExactly("DDD/USD");
    }

    private void assertGoodRecordIsProcessed(Family family) {
        assertGoodRecordIsProcessed(family, "");
    }

    private void assertGoodRecordIsProcessed(Family family, String what) {
        send(family, family.good().apply(nextTime()));
        assertThat(deadLetters.get(family.topic()).isEmpty()).isTrue();
        assertThat(features.readValuesToList()).as("features of the good " + family + " after " + what + " at step " + step).hasSize(1);
    }

    private Instant nextTime() {
        step++;
        return NOW.minus(Duration.ofDays(1)).plusSeconds(10L * step);
    }

    private void send(Family family, Object event) {
        inputs.get(family.topic()).pipeInput("key", json(event));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(Object event) {
        return new LinkedHashMap<>(JSON.readValue(EventJson.write(event), Map.class));
    }

    private static String with(Map<String, Object> fields, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(fields);
        changed.put(field, value);
        return write(changed);
    }

    private static String write(Map<String, Object> fields) {
        return JSON.writeValueAsString(fields);
    }

    private static byte[] json(Object event) {
        return EventJson.write(event);
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
