package com.marketpulse.ingestion.alpaca;

import com.marketpulse.events.Topics;
import com.marketpulse.ingestion.alpaca.FakeAlpacaServer.Trade;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Over a hundred malformed frames from the venue, through the whole service to the real broker: truncated JSON,
 * wrong types, NaN/negative/crossed values, bad and far-future times, duplicates, oversized frames, unknown types
 * and symbols never subscribed. Each is counted under its own reason (a far-future event also lands on its
 * dead-letter topic), and the good trade the venue sends right after it reaches market.crypto on the same
 * connection: the stream goes on, nothing good is lost.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "marketpulse.source=alpaca",
        "marketpulse.symbols=BTC/USD,ETH/USD",
        "marketpulse.alpaca.api-key=" + FakeAlpacaServer.KEY,
        "marketpulse.alpaca.secret-key=" + FakeAlpacaServer.SECRET,
        "marketpulse.alpaca.silence-timeout=10m"})
@EmbeddedKafka(partitions = 1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlpacaMalformedFramesIT {

    static final FakeAlpacaServer ALPACA = FakeAlpacaServer.started();
    static final String MALFORMED = "marketpulse.ingestion.alpaca.frames.malformed";
    static final List<String> DEAD_LETTERS = List.of(Topics.deadLetter(Topics.MARKET_CRYPTO),
            Topics.deadLetter(Topics.MARKET_QUOTES), Topics.deadLetter(Topics.MARKET_SOURCE_BARS));

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MeterRegistry registry;

    KafkaConsumer<String, String> consumer;
    final List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    final AtomicLong goodIds = new AtomicLong(1_000);

    @DynamicPropertySource
    static void alpacaUrls(DynamicPropertyRegistry registry) {
        ALPACA.registerUrls(registry);
    }

    /**
     * A bad frame and what must count it: the meter, one tag (name=value) and whether it is dead-lettered. The frame
     * may hold {@code {now}}, {@code {future}}, {@code {minute}} (the start of the last complete minute) and
     * {@code {prev}} (the id of the last good trade).
     */
    record Case(String frame, String meter, String tag, boolean deadLettered) {
        @Override
        public String toString() {
            String shown = frame.length() > 70 ? frame.substring(0, 70) + "… (" + frame.length() + " chars)" : frame;
            return tag + ": " + shown;
        }
    }

    static Case malformed(String reason, String frame) {
        return new Case(frame, MALFORMED, "reason=" + reason, false);
    }

    static Map<String, Object> trade() {
        Map<String, Object> trade = new LinkedHashMap<>();
        trade.put("T", "t");
        trade.put("S", "BTC/USD");
        trade.put("p", 90_000.5);
        trade.put("s", 0.01);
        trade.put("t", "{now}");
        trade.put("i", 77);
        trade.put("tks", "B");
        return trade;
    }

    static Map<String, Object> quote() {
        Map<String, Object> quote = new LinkedHashMap<>();
        quote.put("T", "q");
        quote.put("S", "BTC/USD");
        quote.put("bp", 89_999.0);
        quote.put("bs", 0.5);
        quote.put("ap", 90_001.0);
        quote.put("as", 0.4);
        quote.put("t", "{now}");
        return quote;
    }

    static Map<String, Object> bar(String type) {
        Map<String, Object> bar = new LinkedHashMap<>();
        bar.put("T", type);
        bar.put("S", "BTC/USD");
        bar.put("o", 90_000.0);
        bar.put("h", 90_010.0);
        bar.put("l", 89_990.0);
        bar.put("c", 90_005.0);
        bar.put("v", 1.5);
        bar.put("t", "{minute}");
        bar.put("n", 3);
        bar.put("vw", 90_002.0);
        return bar;
    }

    /** The element with {@code key} set to {@code value} ({@link #MISSING} removes it), as a one-element frame. */
    static String with(Map<String, Object> element, String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(element);
        if (value == MISSING) {
            changed.remove(key);
        } else {
            changed.put(key, value);
        }
        return FakeAlpacaServer.JSON.writeValueAsString(List.of(changed));
    }

    static final Object MISSING = new Object();

    static Map<String, Object> set(Map<String, Object> element, String key, Object value) {
        element.put(key, value);
        return element;
    }

    static Stream<Case> frames() {
        List<Case> cases = new ArrayList<>();
        String valid = with(trade(), "i", 78);
        // truncated, and text that is no JSON at all
        for (int cut : new int[] {1, 2, 5, 10, 20, 40, valid.length() / 2, valid.length() - 5, valid.length() - 2,
                valid.length() - 1}) {
            cases.add(malformed("not-json", valid.substring(0, cut)));
        }
        for (String text : List.of("this is not json", "[{]", "[NaN]", "[{\"T\":\"t\",\"p\":NaN}]", "[1,]",
                "[{'T':'t'}]", "\u0000")) {
            cases.add(malformed("not-json", text));
        }
        for (String text : List.of("{}", "\"x\"", "42", "null", "true", "{\"T\":\"t\"}")) {
            cases.add(malformed("not-array", text));
        }
        for (String text : List.of("[{}]", "[{\"T\":1}]", "[42]", "[\"t\"]", "[null]", "[[]]", "[{\"T\":{}}]",
                "[{\"t\":\"t\"}]")) {
            cases.add(malformed("no-type", text));
        }
        // wrong types
        for (String key : List.of("S", "t")) {
            for (Object value : List.of(MISSING, 1, true, Map.of(), List.of())) {
                cases.add(malformed("wrong-type", with(trade(), key, value)));
            }
        }
        for (String key : List.of("p", "s")) {
            for (Object value : List.of(MISSING, "1", true, Map.of(), List.of())) {
                cases.add(malformed("wrong-type", with(trade(), key, value)));
            }
        }
        for (Object value : List.of(MISSING, "1", true, 1.5, new java.math.BigInteger("99999999999999999999"))) {
            cases.add(malformed("wrong-type", with(trade(), "i", value)));
        }
        for (String key : List.of("bp", "bs", "ap", "as")) {
            for (Object value : List.of(MISSING, "1", true)) {
                cases.add(malformed("wrong-type", with(quote(), key, value)));
            }
        }
        cases.add(malformed("wrong-type", with(quote(), "S", MISSING)));
        cases.add(malformed("wrong-type", with(quote(), "S", 1)));
        cases.add(malformed("wrong-type", with(quote(), "bp", new java.math.BigDecimal("1e400"))));
        for (String key : List.of("o", "h", "l", "c", "v")) {
            for (Object value : List.of(MISSING, "1")) {
                cases.add(malformed("wrong-type", with(bar("b"), key, value)));
            }
        }
        cases.add(malformed("wrong-type", with(bar("b"), "S", MISSING)));
        cases.add(malformed("wrong-type", "[{\"T\":\"error\",\"code\":\"x\",\"msg\":\"?\"}]"));
        cases.add(malformed("wrong-type", "[{\"T\":\"error\"}]"));
        // NaN, negative, zero, crossed
        cases.add(malformed("bad-value", with(trade(), "p", 0)));
        cases.add(malformed("bad-value", with(trade(), "p", -1)));
        cases.add(malformed("bad-value", with(trade(), "p", new java.math.BigDecimal("1e400"))));
        cases.add(malformed("bad-value", with(trade(), "s", -0.5)));
        cases.add(malformed("bad-value", with(trade(), "s", new java.math.BigDecimal("1e400"))));
        cases.add(malformed("bad-value", with(quote(), "bp", 0)));
        cases.add(malformed("bad-value", with(quote(), "bp", -1)));
        cases.add(malformed("bad-value", with(quote(), "ap", 89_000.0)));
        cases.add(malformed("bad-value", with(quote(), "bs", -1)));
        cases.add(malformed("bad-value", with(quote(), "as", -1)));
        cases.add(malformed("bad-value", with(bar("b"), "l", 0)));
        cases.add(malformed("bad-value", with(bar("b"), "h", 89_000.0)));
        cases.add(malformed("bad-value", with(bar("b"), "o", -1)));
        cases.add(malformed("bad-value", with(bar("b"), "c", 0)));
        cases.add(malformed("bad-value", with(bar("b"), "v", -1)));
        cases.add(malformed("bad-value", with(bar("b"), "n", -1)));
        cases.add(malformed("bad-value", with(bar("u"), "vw", -1)));
        // times that are not RFC 3339
        for (String time : List.of("yesterday", "2026-13-45T00:00:00Z", "", "1733000000", "2026-01-05")) {
            cases.add(malformed("bad-time", with(trade(), "t", time)));
        }
        cases.add(malformed("bad-time", with(quote(), "t", "x")));
        cases.add(malformed("bad-time", with(quote(), "t", MISSING)));
        cases.add(malformed("bad-time", with(quote(), "t", 12)));
        cases.add(malformed("bad-time", with(bar("b"), "t", "x")));
        cases.add(malformed("bad-time", with(bar("b"), "t", MISSING)));
        cases.add(malformed("bad-time", with(bar("u"), "t", "x")));
        // far-future: counted by kind, reason and symbol, and dead-lettered
        String ticks = "marketpulse.ingestion.ticks.rejected";
        cases.add(new Case(with(trade(), "t", "{future}"), ticks, "reason=far-future", true));
        cases.add(new Case(with(set(trade(), "i", 79), "t", "2999-01-01T00:00:00Z"), ticks, "reason=far-future",
                true));
        cases.add(new Case(with(set(trade(), "i", 80), "t", "+10000-01-01T00:00:00Z"), ticks, "reason=far-future",
                true));
        cases.add(new Case(with(quote(), "t", "{future}"), "marketpulse.ingestion.quotes.rejected",
                "reason=far-future", true));
        cases.add(new Case(with(bar("b"), "t", "{future}"), "marketpulse.ingestion.bars.rejected",
                "reason=far-future", true));
        cases.add(new Case(with(bar("u"), "t", "{future}"), "marketpulse.ingestion.bars.rejected",
                "reason=far-future", true));
        // duplicates
        cases.add(new Case(with(trade(), "i", "{prev}").replace("\"{prev}\"", "{prev}"),
                "marketpulse.ingestion.alpaca.trades.duplicate", "", false));
        cases.add(new Case("[" + strip(with(trade(), "i", 81)) + "," + strip(with(trade(), "i", 81)) + "]",
                "marketpulse.ingestion.alpaca.trades.duplicate", "", false));
        cases.add(new Case("[" + strip(with(quote(), "t", "{now}")) + "," + strip(with(quote(), "t", "{past}")) + "]",
                "marketpulse.ingestion.alpaca.quotes.stale", "", false));
        cases.add(new Case("[" + strip(with(bar("b"), "S", "ETH/USD")) + "," + strip(with(bar("b"), "S", "ETH/USD"))
                + "]", "marketpulse.ingestion.alpaca.bars.duplicate", "", false));
        // oversized
        cases.add(malformed("oversized", "[\"" + "x".repeat(AlpacaFrameParser.MAX_FRAME_CHARS + 10) + "\"]"));
        cases.add(malformed("oversized", "y".repeat(2 * AlpacaFrameParser.MAX_FRAME_CHARS)));
        cases.add(malformed("unsubscribed-symbol", with(trade(), "S", "Z".repeat(10_000) + "/USD")));
        // unknown or ignored types, symbols never subscribed
        for (String type : List.of("x", "trade", "T", "", "zz", "\u00e9")) {
            cases.add(new Case(with(trade(), "T", type), "marketpulse.ingestion.alpaca.messages.unknown", "", false));
        }
        cases.add(new Case("[{\"T\":\"success\",\"msg\":\"whatever\"}]", "marketpulse.ingestion.alpaca.messages.unknown",
                "", false));
        cases.add(new Case("[{\"T\":\"d\",\"S\":\"BTC/USD\"}]", "marketpulse.ingestion.alpaca.messages.ignored",
                "type=d", false));
        cases.add(new Case("[{\"T\":\"o\",\"S\":\"BTC/USD\"}]", "marketpulse.ingestion.alpaca.messages.ignored",
                "type=o", false));
        cases.add(malformed("unsubscribed-symbol", with(trade(), "S", "DOGE/USD")));
        cases.add(malformed("unsubscribed-symbol", with(trade(), "S", "btc/usd")));
        cases.add(malformed("unsubscribed-symbol", with(quote(), "S", "DOGE/USD")));
        cases.add(malformed("unsubscribed-symbol", with(bar("b"), "S", "DOGE/USD")));
        return cases.stream();
    }

    private static String strip(String oneElementFrame) {
        return oneElementFrame.substring(1, oneElementFrame.length() - 1);
    }

    @BeforeAll
    void connectAndListen() {
        await().atMost(Duration.ofSeconds(60)).until(() -> ALPACA.connections() == 1
                && counter("marketpulse.ingestion.alpaca.reconnects", "") == 0 && subscribedOnce());
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "malformed-" + System.nanoTime(), false);
        props.put("auto.offset.reset", "earliest");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<String> topics = new ArrayList<>(DEAD_LETTERS);
        topics.add(Topics.MARKET_CRYPTO);
        consumer.subscribe(topics);
    }

    private static boolean subscribedOnce() {
        return ALPACA.clientMessages.stream().anyMatch(m -> m.contains("\"subscribe\""));
    }

    @AfterAll
    void stop() throws IOException {
        if (consumer != null) {
            consumer.close();
        }
        ALPACA.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void aMalformedFrameIsCountedUnderItsReasonAndTheNextGoodTradeStillArrives(Case bad) {
        Instant now = Instant.now();
        double before = counter(bad.meter(), bad.tag());
        long deadBefore = deadLetters();
        ALPACA.send(bad.frame().replace("{now}", now.toString())
                .replace("{past}", now.minusSeconds(1).toString())
                .replace("{future}", now.plus(Duration.ofHours(1)).toString())
                .replace("{minute}", now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1)).toString())
                .replace("{prev}", Long.toString(goodIds.get())));

        long id = goodIds.incrementAndGet();
        ALPACA.executeAndStream(new Trade("BTC/USD", 90_000 + id, 0.01, Instant.now().toString(), id));
        await().atMost(Duration.ofSeconds(30)).until(() -> poll(r -> r.topic().equals(Topics.MARKET_CRYPTO)
                && r.value().contains("\"tradeId\":\"" + id + "\"")));

        assertThat(counter(bad.meter(), bad.tag())).as(bad.meter() + " " + bad.tag()).isEqualTo(before + 1);
        if (bad.deadLettered()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                poll(r -> false);
                return deadLetters() == deadBefore + 1;
            });
        }
        assertThat(deadLetters()).isEqualTo(deadBefore + (bad.deadLettered() ? 1 : 0));
        assertThat(ALPACA.connections()).as("the same connection goes on").isEqualTo(1);
    }

    @Test
    void thereAreAtLeastAHundredOfThem() {
        assertThat(frames().count()).isGreaterThanOrEqualTo(100);
    }

    /** Polls once; true when a record seen so far is {@code wanted}. */
    private boolean poll(Predicate<ConsumerRecord<String, String>> wanted) {
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        return seen.stream().anyMatch(wanted);
    }

    private long deadLetters() {
        return seen.stream().filter(r -> DEAD_LETTERS.contains(r.topic())).count();
    }

    private double counter(String meter, String tag) {
        var search = registry.find(meter);
        if (!tag.isEmpty()) {
            String[] pair = tag.split("=", 2);
            search = search.tag(pair[0], pair[1]);
        }
        return search.counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
