package com.marketpulse.feature.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.marketpulse.events.Bar;
import com.marketpulse.events.MarketFeatures;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;
import com.marketpulse.events.json.EventSerdes;
import com.marketpulse.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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

class FeatureTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00.123456789Z");
    private static final Instant MINUTE = Instant.parse("2026-11-24T12:00:00Z");
    /** The wall clock of the live limits: after every event these tests send. */
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path stateDir;

    private final CountingEvents events = new CountingEvents();
    private TopologyTestDriver driver;
    private final Map<String, TestInputTopic<String, byte[]>> inputs = new java.util.HashMap<>();
    private TestOutputTopic<String, MarketFeatures> features;
    private TestOutputTopic<String, Bar> bars;
    private TestOutputTopic<String, MarketFeatures> replayFeatures;
    private TestOutputTopic<String, Bar> replayBars;

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        FeatureTopology.build(builder, Settings.defaults().features(), Duration.ofHours(1),
                InputLimits.of(Settings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC)), events);
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
        for (String topic : FeatureTopology.inputTopics()) {
            inputs.put(topic, driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer()));
        }
        features = driver.createOutputTopic(Topics.MARKET_FEATURES, new StringDeserializer(),
                EventSerdes.marketFeatures().deserializer());
        bars = driver.createOutputTopic(Topics.MARKET_BARS, new StringDeserializer(), EventSerdes.bar().deserializer());
        replayFeatures = driver.createOutputTopic(Topics.MARKET_FEATURES_REPLAY, new StringDeserializer(),
                EventSerdes.marketFeatures().deserializer());
        replayBars = driver.createOutputTopic(Topics.MARKET_BARS_REPLAY, new StringDeserializer(),
                EventSerdes.bar().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void quotesAloneWithoutAnyTradeMakeFeaturesAndChartBars() {
        for (int i = 0; i <= 7; i++) {
            send(quote("BTC/USD", MINUTE.plusSeconds(10L * i), 100_000 + 10 * i, null));
        }

        List<TestRecord<String, MarketFeatures>> out = features.readRecordsToList();

        assertThat(out).hasSize(8).extracting(TestRecord::key).containsOnly("BTC/USD");
        MarketFeatures last = out.getLast().value();
        assertThat(last.eventTime()).isEqualTo(MINUTE.plusSeconds(70));
        assertThat(last.eventId()).isEqualTo(MarketFeatures.idOf("BTC/USD", MINUTE.plusSeconds(70), null));
        assertThat(last.price()).isEqualTo(100_070.0);
        assertThat(last.spread()).isCloseTo(10 / 100_070.0, within(1e-12));
        assertThat(last.secondsSinceTrade()).as("no trade yet").isEqualTo(-1);
        assertThat(last.notional1m()).isZero();
        assertThat(last.runId()).isNull();
        TestRecord<String, Bar> bar = bars.readRecord();
        assertThat(bar.key()).isEqualTo("BTC/USD");
        assertThat(bar.value()).isEqualTo(new Bar(Bar.idOf("BTC/USD", MINUTE, null), "BTC/USD", MINUTE,
                MINUTE.plusSeconds(60), 100_000, 100_050, 100_000, 100_050, 0, 0, null));
        assertThat(bars.isEmpty()).isTrue();
        assertThat(events.count("live:quote:step")).isEqualTo(8);
    }

    @Test
    void tradesAloneMakeFeaturesAndChartBarsWithTheirVolume() {
        send(trade("a", "ETH/USD", MINUTE.plusSeconds(5), 3_000, 1.0, null));
        send(trade("b", "ETH/USD", MINUTE.plusSeconds(20), 3_030, 2.0, null));
        send(trade("c", "ETH/USD", MINUTE.plusSeconds(40), 2_970, 3.0, null));
        send(trade("d", "ETH/USD", MINUTE.plusSeconds(61), 3_000, 1.0, null));

        List<MarketFeatures> out = features.readValuesToList();

        assertThat(out).extracting(MarketFeatures::price).containsExactly(3_000.0, 3_030.0, 2_970.0, 3_000.0);
        assertThat(out.get(2).notional1m()).isCloseTo(3_000 + 2 * 3_030 + 3 * 2_970, within(1e-6));
        assertThat(out.get(2).secondsSinceTrade()).isZero();
        assertThat(bars.readValuesToList()).containsExactly(new Bar(Bar.idOf("ETH/USD", MINUTE, null), "ETH/USD",
                MINUTE, MINUTE.plusSeconds(60), 3_000, 3_030, 2_970, 2_970, 6, 3, null));
    }

    @Test
    void aSourceBarBecomesAChartBarEqualToIt() {
        SourceBar source = sourceBar("SOL/USD", MINUTE, 150, 152, 149, 151, 1_234.5, 17, null);
        send(source);

        assertThat(bars.readKeyValuesToList()).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo("SOL/USD");
            assertThat(kv.value).isEqualTo(new Bar(Bar.idOf("SOL/USD", MINUTE, null), "SOL/USD", MINUTE,
                    MINUTE.plusSeconds(60), 150, 152, 149, 151, 1_234.5, 17, null));
        });
        assertThat(features.readValuesToList()).singleElement().satisfies(f -> {
            assertThat(f.price()).as("the bar's close").isEqualTo(151.0);
            assertThat(f.eventTime()).isEqualTo(MINUTE.plusSeconds(60));
        });
    }

    @Test
    void tradesQuotesAndBarsOfASymbolMeetInOneState() {
        send(quote("BTC/USD", T0, 100_000, null));
        send(trade("t1", "BTC/USD", T0.plusSeconds(2), 100_003, 0.5, null));
        send(quote("BTC/USD", T0.plusSeconds(4), 100_010, null));

        List<MarketFeatures> out = features.readValuesToList();

        assertThat(out).extracting(MarketFeatures::price).as("the quote mid sets the price while quotes are fresh")
                .containsExactly(100_000.0, 100_000.0, 100_010.0);
        assertThat(out.getLast().secondsSinceTrade()).isCloseTo(2.0, within(1e-9));
        assertThat(out.getLast().notional1m()).isCloseTo(50_001.5, within(1e-6));
        assertThat(keys(driver.getKeyValueStore(FeatureTopology.LIVE_STORE))).containsExactly("BTC/USD");
    }

    @Test
    void featuresAreJsonWithIsoEventTimesThatKeepTheNanoseconds() {
        TestOutputTopic<String, String> raw = driver.createOutputTopic(Topics.MARKET_FEATURES, new StringDeserializer(),
                new StringDeserializer());

        send(trade("a", "BTC/USD", T0, 100_000.00, 0.5, null));

        String json = raw.readValue();
        assertThat(json).contains("\"eventTime\":\"2026-11-24T12:00:00.123456789Z\"", "\"price\":100000.0",
                "\"runId\":null").doesNotContain("NaN", "Infinity", "@class");
    }

    @Test
    void aBacktestKeepsItsStateApartFromLiveState() {
        for (int i = 0; i < 5; i++) {
            send(quote("BTC/USD", T0.plusSeconds(i), 100_000.0 + i, null));
        }
        send(quote("BTC/USD", T0.minusSeconds(86_400), 50_000.0, "run-1"));
        send(trade("old-1", "BTC/USD", T0.minusSeconds(86_399), 50_010.0, 1.0, "run-1"));
        send(sourceBar("BTC/USD", MINUTE.minusSeconds(86_400), 50_000, 50_000, 50_000, 50_000, 1, 1, "run-2"));
        send(quote("BTC/USD", T0.plusSeconds(5), 100_005.0, null));

        List<MarketFeatures> out = features.readValuesToList();

        assertThat(out).extracting(MarketFeatures::runId).containsExactly(null, null, null, null, null, null);
        assertThat(out.getLast().price()).isEqualTo(100_005.0);
        assertThat(replayFeatures.readValuesToList()).extracting(MarketFeatures::runId)
                .containsExactly("run-1", "run-1", "run-2");
        assertThat(keys(driver.getKeyValueStore(FeatureTopology.LIVE_STORE))).containsExactly("BTC/USD");
        assertThat(keys(driver.getKeyValueStore(FeatureTopology.REPLAY_STORE)))
                .containsExactlyInAnyOrder("run-1|BTC/USD", "run-2|BTC/USD");
        assertThat(bars.isEmpty()).as("no backtest bar on the live topic").isTrue();
        assertThat(replayBars.readValuesToList()).extracting(Bar::runId).containsExactly("run-2");
        assertThat(events.count("replay:quote:step") + events.count("replay:trade:step")
                + events.count("replay:bar:step")).isEqualTo(3);
    }

    @Test
    void replayInputsReachOnlyTheReplayTopicsAndLiveInputsOnlyTheLiveOnes() {
        for (int i = 0; i <= 7; i++) {
            send(trade("r" + i, "ETH/USD", MINUTE.plusSeconds(10L * i), 3_000 + i, 1.0, "run-9"));
        }

        assertThat(features.isEmpty()).as("no replay features on market.features").isTrue();
        assertThat(bars.isEmpty()).as("no replay bars on market.bars").isTrue();
        assertThat(replayFeatures.readValuesToList()).hasSize(8).extracting(MarketFeatures::runId)
                .containsOnly("run-9");
        assertThat(replayBars.readValuesToList()).singleElement().satisfies(bar -> {
            assertThat(bar.runId()).isEqualTo("run-9");
            assertThat(bar.trades()).isEqualTo(6);
        });

        for (int i = 0; i <= 7; i++) {
            send(trade("l" + i, "ETH/USD", MINUTE.plusSeconds(10L * i), 3_000 + i, 1.0, null));
        }

        assertThat(replayFeatures.isEmpty()).as("no live features on market.features.replay").isTrue();
        assertThat(replayBars.isEmpty()).as("no live bars on market.bars.replay").isTrue();
        assertThat(features.readValuesToList()).hasSize(8).extracting(MarketFeatures::runId).containsOnlyNulls();
        assertThat(bars.readValuesToList()).singleElement().satisfies(bar -> assertThat(bar.runId()).isNull());
    }

    @Test
    void aBacktestsStateIsDeletedWhenTheRunHasBeenIdleLongerThanItsTtlWhileLiveStateStays() {
        send(trade("live-0", "BTC/USD", T0, 100_000.0, 1.0, null));
        send(quote("BTC/USD", T0, 50_000.0, "run-1"));
        driver.advanceWallClockTime(Duration.ofMinutes(40));
        send(trade("old-0", "ETH/USD", T0, 3_000.0, 1.0, "run-2"));
        driver.advanceWallClockTime(Duration.ofMinutes(30));

        assertThat(keys(driver.getKeyValueStore(FeatureTopology.REPLAY_STORE))).containsExactly("run-2|ETH/USD");
        assertThat(keys(driver.getKeyValueStore(FeatureTopology.LIVE_STORE))).containsExactly("BTC/USD");
    }

    @Test
    void duplicateTradesAndLateQuotesAreCountedAndMakeNoFeatures() {
        Tick first = trade("a", "SOL/USD", T0, 150.0, 1.0, null);
        send(first);
        send(trade("b", "SOL/USD", T0.plusSeconds(2), 151.0, 1.0, null));
        send(first);
        send(quote("SOL/USD", T0.plusSeconds(1), 10.0, null));
        send(trade("c", "SOL/USD", T0.plusSeconds(3), 152.0, 1.0, null));

        assertThat(features.readValuesToList()).extracting(MarketFeatures::price).containsExactly(150.0, 151.0, 152.0);
        assertThat(events.count("live:trade:duplicate")).isEqualTo(1);
        assertThat(events.count("live:quote:late")).isEqualTo(1);
        assertThat(events.count("live:trade:step")).isEqualTo(3);
    }

    @Test
    void aStateThatCannotBeReadIsStartedAfreshAndCounted() {
        driver.getKeyValueStore(FeatureTopology.LIVE_STORE).put("BTC/USD", StoredState.frame(0, new byte[] {99, 1}));

        send(quote("BTC/USD", T0, 100_000.0, null));

        assertThat(features.readValuesToList()).extracting(MarketFeatures::price).containsExactly(100_000.0);
        assertThat(events.count("live:state:state_reset")).isEqualTo(1);
    }

    @Test
    void corruptedInputOnEveryTopicGoesToItsOwnDeadLetterTopicAndNeverStopsProcessing() {
        List<byte[]> bad = List.of(
                new byte[] {(byte) 0xC3, 0x28, 0x00, 0x7F},
                utf8("{\"hello\":\"world\"}"),
                utf8("{\"eventId\":\"x\",\"symbol\":\"BTC/USD\",\"eventTime\":\"yesterday\"}"),
                utf8("[1,2,3]"));
        for (String topic : FeatureTopology.inputTopics()) {
            for (byte[] value : bad) {
                inputs.get(topic).pipeInput("BTC/USD", value);
            }
            inputs.get(topic).pipeInput("BTC/USD", (byte[]) null);
        }
        List<byte[]> badTicks = List.of(
                utf8("{\"eventId\":\"x\",\"symbol\":\"BTC/USD\",\"eventTime\":\"2026-11-24T12:00:00Z\",\"price\":-5,\"size\":1}"),
                utf8("{\"eventId\":\"x\",\"symbol\":\"not a pair\",\"eventTime\":\"2026-11-24T12:00:00Z\",\"price\":5,\"size\":1}"),
                json(trade("x", "BTC/USD", T0, 1e12, 1.0, null)),
                json(trade("x", "BTC/USD", T0, 100.0, 1.0, "run-on-the-live-topic")));
        badTicks.forEach(value -> inputs.get(Topics.MARKET_CRYPTO).pipeInput("BTC/USD", value));
        List<byte[]> badQuotes = List.of(
                utf8("{\"eventId\":\"q\",\"symbol\":\"BTC/USD\",\"eventTime\":\"2026-11-24T12:00:00Z\",\"bidPrice\":101,"
                        + "\"bidSize\":1,\"askPrice\":100,\"askSize\":1}"),
                json(quote("BTC/USD", T0, 100.0, "run-on-the-live-topic")));
        badQuotes.forEach(value -> inputs.get(Topics.MARKET_QUOTES).pipeInput("BTC/USD", value));
        List<byte[]> badBars = List.of(
                json(sourceBar("BTC/USD", MINUTE, 100, 101, 99, 120, 1, 1, null)),
                json(sourceBar("BTC/USD", MINUTE, 100, 101, 99, 100, 1e16, 1, null)));
        badBars.forEach(value -> inputs.get(Topics.MARKET_SOURCE_BARS).pipeInput("BTC/USD", value));
        inputs.get(Topics.MARKET_QUOTES_REPLAY).pipeInput("BTC/USD", json(quote("BTC/USD", T0, 100.0, null)));
        send(trade("good", "BTC/USD", T0, 100.0, 1.0, null));

        assertThat(features.readValuesToList()).extracting(MarketFeatures::price).containsExactly(100.0);
        Map<String, Integer> extra = Map.of(Topics.MARKET_CRYPTO, badTicks.size(), Topics.MARKET_QUOTES,
                badQuotes.size(), Topics.MARKET_SOURCE_BARS, badBars.size(), Topics.MARKET_QUOTES_REPLAY, 1);
        for (String topic : FeatureTopology.inputTopics()) {
            List<TestRecord<String, byte[]>> dead = driver.createOutputTopic(Topics.deadLetter(topic),
                    new StringDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
            int expected = bad.size() + 1 + extra.getOrDefault(topic, 0);
            assertThat(dead).as(topic).hasSize(expected);
            for (int i = 0; i < bad.size(); i++) {
                assertThat(dead.get(i).key()).isEqualTo("BTC/USD");
                assertThat(dead.get(i).value()).as("original bytes of bad record " + i + " on " + topic)
                        .isEqualTo(bad.get(i));
                assertThat(header(dead.get(i), DeadLetters.TOPIC)).isEqualTo(topic);
                assertThat(header(dead.get(i), DeadLetters.OFFSET)).isEqualTo(Integer.toString(i));
                assertThat(header(dead.get(i), DeadLetters.MESSAGE)).isNotBlank();
            }
            assertThat(dead.get(bad.size()).value()).isNull();
            assertThat(events.count("DLT:" + topic + ":deserialization")).isEqualTo(expected);
        }
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

    private void send(Tick tick) {
        inputs.get(tick.isReplay() ? Topics.MARKET_CRYPTO_REPLAY : Topics.MARKET_CRYPTO).pipeInput(tick.symbol(),
                json(tick));
    }

    private void send(Quote quote) {
        inputs.get(quote.isReplay() ? Topics.MARKET_QUOTES_REPLAY : Topics.MARKET_QUOTES).pipeInput(quote.symbol(),
                json(quote));
    }

    private void send(SourceBar bar) {
        inputs.get(bar.isReplay() ? Topics.MARKET_SOURCE_BARS_REPLAY : Topics.MARKET_SOURCE_BARS)
                .pipeInput(bar.symbol(), json(bar));
    }

    static byte[] json(Object event) {
        return EventJson.write(event);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Tick trade(String id, String symbol, Instant time, double price, double size, String runId) {
        return new Tick(id, symbol, time, price, size, id, "B", runId == null ? "simulator" : "replay", "simulator", runId);
    }

    /** A quote 10 wide around {@code mid}. */
    static Quote quote(String symbol, Instant time, double mid, String runId) {
        return Quote.live("simulator", "simulator", symbol, time, mid - 5, 1.0, mid + 5, 1.0).withRunId(runId);
    }

    static SourceBar sourceBar(String symbol, Instant start, double open, double high, double low, double close,
                               double volume, long trades, String runId) {
        return new SourceBar(SourceBar.idOf("alpaca", "us", symbol, start, runId), symbol, start,
                start.plusSeconds(60), open, high, low, close, volume, trades, 0, false, "alpaca", "us", runId);
    }
}
