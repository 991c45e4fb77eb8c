package com.marketpulse.feature.stream;

import com.marketpulse.events.Bar;
import com.marketpulse.events.FeatureVector;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;
import com.marketpulse.events.json.EventSerdes;
import com.marketpulse.feature.math.FeatureSettings;
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
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FeatureTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00.123456789Z");

    @TempDir
    Path stateDir;

    private final CountingEvents events = new CountingEvents();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> live;
    private TestInputTopic<String, byte[]> replay;
    private TestOutputTopic<String, FeatureVector> features;
    private TestOutputTopic<String, Bar> bars;

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        FeatureTopology.build(builder, FeatureSettings.defaults(), Duration.ofHours(1), events);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "feature-service-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // at-least-once here: TopologyTestDriver drops dead-letter records sent under its simulated transactions;
        // exactly-once with dead letters is covered against a real broker in FeatureServiceIT
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        props.put(StreamEvents.CONFIG, events);
        driver = new TopologyTestDriver(builder.build(), props);
        live = driver.createInputTopic(Topics.MARKET_CRYPTO, new StringSerializer(), new ByteArraySerializer());
        replay = driver.createInputTopic(Topics.MARKET_CRYPTO_REPLAY, new StringSerializer(), new ByteArraySerializer());
        features = driver.createOutputTopic(Topics.MARKET_FEATURES, new StringDeserializer(),
                EventSerdes.featureVector().deserializer());
        bars = driver.createOutputTopic(Topics.MARKET_BARS, new StringDeserializer(), EventSerdes.bar().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void emitsOneFeatureVectorPerTickKeyedBySymbolWithTheTicksEventId() {
        send(live, tick("a", "BTC/USD", T0, 100_000.00, 0.5, null));
        send(live, tick("b", "BTC/USD", T0.plusSeconds(1), 100_000.02, 1.5, null));
        send(live, tick("c", "ETH/USD", T0.plusSeconds(1), 3_000.0, 2.0, null));
        send(live, tick("d", "BTC/USD", T0.plusSeconds(2), 100_000.10, 1.0, null));

        List<TestRecord<String, FeatureVector>> out = features.readRecordsToList();

        assertThat(out).extracting(TestRecord::key).containsExactly("BTC/USD", "BTC/USD", "ETH/USD", "BTC/USD");
        assertThat(out).extracting(r -> r.value().eventId()).containsExactly("a", "b", "c", "d");
        assertThat(out).extracting(r -> r.value().samples()).containsExactly(1, 2, 1, 3);
        FeatureVector last = out.getLast().value();
        assertThat(last.eventTime()).isEqualTo(T0.plusSeconds(2));
        assertThat(last.priceMean()).isCloseTo(100_000.01, within(1e-9));
        double std = Math.sqrt(2 * 0.01 * 0.01);
        assertThat(last.priceStd()).isCloseTo(std, within(1e-9));
        assertThat(last.priceZ()).isCloseTo((100_000.10 - 100_000.01) / std, within(1e-6));
        assertThat(last.logReturn()).isCloseTo(Math.log(100_000.10 / 100_000.02), within(1e-15));
        assertThat(last.vwap()).isCloseTo((100_000.00 * 0.5 + 100_000.02 * 1.5 + 100_000.10) / 3.0, within(1e-9));
        assertThat(last.volume()).isEqualTo(3.0);
        assertThat(last.runId()).isNull();
    }

    @Test
    void featureVectorsAreJsonWithIsoEventTimesThatKeepTheNanoseconds() {
        TestOutputTopic<String, String> raw = driver.createOutputTopic(Topics.MARKET_FEATURES, new StringDeserializer(),
                new StringDeserializer());

        send(live, tick("a", "BTC/USD", T0, 100_000.00, 0.5, null));

        String json = raw.readValue();
        assertThat(json).contains("\"eventTime\":\"2026-11-24T12:00:00.123456789Z\"", "\"eventId\":\"a\"",
                "\"samples\":1", "\"runId\":null").doesNotContain("NaN", "Infinity", "@class");
    }

    @Test
    void emitsTheOneMinuteBarWhenTheFirstTradeOfTheNextMinuteArrives() {
        Instant minute = Instant.parse("2026-11-24T12:00:00Z");
        send(live, tick("a", "BTC/USD", minute.plusSeconds(5), 100.0, 1.0, null));
        send(live, tick("b", "BTC/USD", minute.plusSeconds(20), 110.0, 2.0, null));
        send(live, tick("c", "BTC/USD", minute.plusSeconds(40), 90.0, 3.0, null));
        assertThat(bars.isEmpty()).isTrue();

        send(live, tick("d", "BTC/USD", minute.plusSeconds(61), 95.0, 1.0, null));

        TestRecord<String, Bar> bar = bars.readRecord();
        assertThat(bar.key()).isEqualTo("BTC/USD");
        assertThat(bar.value()).isEqualTo(new Bar(Bar.idOf("BTC/USD", minute, null), "BTC/USD", minute,
                minute.plusSeconds(60), 100.0, 110.0, 90.0, 90.0, 6.0, 3, null));
        assertThat(bars.isEmpty()).isTrue();
    }

    @Test
    void aBacktestKeepsItsStateApartFromLiveState() {
        for (int i = 0; i < 5; i++) {
            send(live, tick("live-" + i, "BTC/USD", T0.plusSeconds(i), 100_000.0 + i, 1.0, null));
        }
        send(replay, tick("old-0", "BTC/USD", T0.minusSeconds(86_400), 50_000.0, 1.0, "run-1"));
        send(replay, tick("old-1", "BTC/USD", T0.minusSeconds(86_399), 50_010.0, 1.0, "run-1"));
        send(replay, tick("old-0", "BTC/USD", T0.minusSeconds(86_400), 50_000.0, 1.0, "run-2"));
        send(live, tick("live-5", "BTC/USD", T0.plusSeconds(5), 100_005.0, 1.0, null));

        List<FeatureVector> out = features.readValuesToList();

        assertThat(out).extracting(FeatureVector::samples).containsExactly(1, 2, 3, 4, 5, 1, 2, 1, 6);
        assertThat(out).extracting(FeatureVector::runId)
                .containsExactly(null, null, null, null, null, "run-1", "run-1", "run-2", null);
        assertThat(out.getLast().priceMean()).as("live baseline untouched by the replay").isEqualTo(100_002.0);
        assertThat(out.get(6).priceMean()).isEqualTo(50_000.0);
        KeyValueStore<String, byte[]> liveStore = driver.getKeyValueStore(FeatureTopology.LIVE_STORE);
        KeyValueStore<String, byte[]> replayStore = driver.getKeyValueStore(FeatureTopology.REPLAY_STORE);
        assertThat(keys(liveStore)).containsExactly("BTC/USD");
        assertThat(keys(replayStore)).containsExactlyInAnyOrder("run-1|BTC/USD", "run-2|BTC/USD");
        assertThat(events.count("replay:accepted")).isEqualTo(3);
    }

    @Test
    void aBacktestsStateIsDeletedWhenTheRunHasBeenIdleLongerThanItsTtlWhileLiveStateStays() {
        send(live, tick("live-0", "BTC/USD", T0, 100_000.0, 1.0, null));
        send(replay, tick("old-0", "BTC/USD", T0, 50_000.0, 1.0, "run-1"));
        driver.advanceWallClockTime(Duration.ofMinutes(40));
        send(replay, tick("old-0", "ETH/USD", T0, 3_000.0, 1.0, "run-2"));
        driver.advanceWallClockTime(Duration.ofMinutes(30));

        assertThat(keys(driver.getKeyValueStore(FeatureTopology.REPLAY_STORE))).containsExactly("run-2|ETH/USD");
        assertThat(keys(driver.getKeyValueStore(FeatureTopology.LIVE_STORE))).containsExactly("BTC/USD");
    }

    @Test
    void duplicateAndOutOfOrderTicksAreCountedAndProduceNoFeatures() {
        Tick first = tick("a", "SOL/USD", T0, 150.0, 1.0, null);
        send(live, first);
        send(live, tick("b", "SOL/USD", T0.plusSeconds(2), 151.0, 1.0, null));
        send(live, first);
        send(live, tick("late", "SOL/USD", T0.plusSeconds(1), 10.0, 1.0, null));
        send(live, tick("c", "SOL/USD", T0.plusSeconds(3), 152.0, 1.0, null));

        List<FeatureVector> out = features.readValuesToList();

        assertThat(out).extracting(FeatureVector::eventId).containsExactly("a", "b", "c");
        assertThat(out.getLast().samples()).isEqualTo(3);
        assertThat(out.getLast().priceMean()).as("the late 10.0 is not in the window").isEqualTo(150.5);
        assertThat(events.count("live:duplicate")).isEqualTo(1);
        assertThat(events.count("live:out_of_order")).isEqualTo(1);
    }

    @Test
    void corruptedInputGoesToTheDeadLetterTopicAndNeverStopsProcessing() {
        List<byte[]> bad = new ArrayList<>();
        bad.add(new byte[] {(byte) 0xC3, 0x28, 0x00, 0x7F});
        bad.add(utf8("{\"hello\":\"world\"}"));
        bad.add(utf8("{\"eventId\":\"x\",\"symbol\":\"BTC/USD\",\"eventTime\":\"2026-11-24T12:00:00Z\",\"price\":-5,\"size\":1}"));
        bad.add(utf8("{\"eventId\":\"x\",\"symbol\":\"BTC/USD\",\"eventTime\":\"yesterday\",\"price\":5,\"size\":1}"));
        bad.add(utf8("{\"eventId\":\"x\",\"symbol\":\"not a pair\",\"eventTime\":\"2026-11-24T12:00:00Z\",\"price\":5,\"size\":1}"));
        bad.add(json(tick("x", "BTC/USD", T0, 1e12, 1.0, null)));
        bad.add(json(tick("x", "BTC/USD", T0, 100.0, 1.0, "run-on-the-live-topic")));
        bad.add(utf8("[1,2,3]"));
        for (byte[] value : bad) {
            live.pipeInput("BTC/USD", value);
        }
        live.pipeInput("BTC/USD", (byte[]) null);
        replay.pipeInput("BTC/USD", json(tick("y", "BTC/USD", T0, 100.0, 1.0, null)));
        send(live, tick("good", "BTC/USD", T0, 100.0, 1.0, null));

        TestOutputTopic<String, byte[]> liveDlt = driver.createOutputTopic(Topics.deadLetter(Topics.MARKET_CRYPTO),
                new StringDeserializer(), new ByteArrayDeserializer());
        TestOutputTopic<String, byte[]> replayDlt = driver.createOutputTopic(
                Topics.deadLetter(Topics.MARKET_CRYPTO_REPLAY), new StringDeserializer(), new ByteArrayDeserializer());
        List<TestRecord<String, byte[]>> dead = liveDlt.readRecordsToList();

        assertThat(features.readValuesToList()).extracting(FeatureVector::eventId, FeatureVector::samples)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("good", 1));
        assertThat(dead).hasSize(bad.size() + 1);
        for (int i = 0; i < bad.size(); i++) {
            assertThat(dead.get(i).key()).isEqualTo("BTC/USD");
            assertThat(dead.get(i).value()).as("original bytes of bad record " + i).isEqualTo(bad.get(i));
            assertThat(header(dead.get(i), DeadLetters.TOPIC)).isEqualTo(Topics.MARKET_CRYPTO);
            assertThat(header(dead.get(i), DeadLetters.OFFSET)).isEqualTo(Integer.toString(i));
            assertThat(header(dead.get(i), DeadLetters.MESSAGE)).isNotBlank();
        }
        assertThat(dead.getLast().value()).isNull();
        assertThat(replayDlt.readRecordsToList()).hasSize(1);
        assertThat(events.count("DLT:market.crypto:deserialization")).isEqualTo(bad.size() + 1);
        assertThat(events.count("DLT:market.crypto.replay:deserialization")).isEqualTo(1);
    }

    private static List<String> keys(KeyValueStore<String, byte[]> store) {
        List<String> keys = new ArrayList<>();
        try (var all = store.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void send(TestInputTopic<String, byte[]> topic, Tick tick) {
        topic.pipeInput(tick.symbol(), json(tick));
    }

    static byte[] json(Tick tick) {
        return EventJson.write(tick);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Tick tick(String id, String symbol, Instant time, double price, double size, String runId) {
        return new Tick(id, symbol, time, price, size, id, "B", runId == null ? "simulator" : "replay",
                runId == null ? "simulator" : "replay", runId);
    }
}
