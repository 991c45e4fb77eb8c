package com.marketpulse.ingestion.alpaca;

import com.marketpulse.events.Tick;
import com.marketpulse.ingestion.alpaca.AlpacaStreamClient.State;
import com.marketpulse.ingestion.alpaca.FakeAlpacaServer.Trade;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AlpacaStreamClientTest {

    static final List<String> SYMBOLS = List.of("BTC/USD", "ETH/USD");

    FakeAlpacaServer alpaca;
    AlpacaStreamClient client;
    final RecordingAlpacaSink sink = new RecordingAlpacaSink();
    final List<Tick> published = sink.trades;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void startServer() throws Exception {
        alpaca = new FakeAlpacaServer();
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        alpaca.close();
    }

    void connect(String key, Duration silenceTimeout) {
        connect(key, silenceTimeout, Duration.ofMinutes(15));
    }

    void connect(String key, Duration silenceTimeout, Duration maxBackfill) {
        connect(key, silenceTimeout, maxBackfill, Map.of());
    }

    void connect(String key, Duration silenceTimeout, Duration maxBackfill, Map<String, Instant> publishedBars) {
        AlpacaSettings settings = new AlpacaSettings("us", alpaca.streamUrl(), alpaca.dataUrl(), key,
                FakeAlpacaServer.SECRET, SYMBOLS, Duration.ofSeconds(5), silenceTimeout, Duration.ofSeconds(2),
                Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMillis(800), maxBackfill,
                Duration.ofHours(24), Duration.ofSeconds(30));
        client = new AlpacaStreamClient(settings, new OkHttpClient(), sink, () -> publishedBars, registry,
                Clock.systemUTC());
        client.start();
    }

    void connectAndStream() {
        connect(FakeAlpacaServer.KEY, Duration.ofSeconds(30));
        await().until(client::state, State.STREAMING::equals);
    }

    static Trade trade(String symbol, long id, String time) {
        return new Trade(symbol, symbol.startsWith("BTC") ? 90_000.5 + id : 3_000.25 + id, 0.0125, time, id);
    }

    static Trade btc(long id, int second) {
        return trade("BTC/USD", id, "2026-01-05T10:00:%02d.123456789Z".formatted(second));
    }

    double counter(String name) {
        return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    List<String> publishedIds() {
        return published.stream().map(Tick::tradeId).toList();
    }

    @Test
    void authenticatesSubscribesAndPublishesEveryTradeOfBatchedFrames() {
        connectAndStream();
        assertThat(FakeAlpacaServer.JSON.readTree(alpaca.clientMessages.getFirst()).get("action").asString())
                .isEqualTo("auth");
        assertThat(FakeAlpacaServer.JSON.readTree(alpaca.clientMessages.getFirst()).get("key").asString())
                .isEqualTo(FakeAlpacaServer.KEY);
        assertThat(FakeAlpacaServer.JSON.readTree(alpaca.clientMessages.get(1)).get("trades").toString())
                .isEqualTo("[\"BTC/USD\",\"ETH/USD\"]");

        alpaca.send("[{\"T\":\"t\",\"S\":\"BTC/USD\",\"p\":71859.53,\"s\":0.27994,\"t\":\"2024-03-12T10:38:50.79613221Z\","
                + "\"i\":3447222699101865076,\"tks\":\"S\"},"
                + "{\"T\":\"q\",\"S\":\"ETH/USD\",\"bp\":3000.1,\"bs\":1.5,\"ap\":3000.4,\"as\":2.1,\"t\":\"2024-03-12T10:38:50.8Z\"},"
                + "{\"T\":\"t\",\"S\":\"ETH/USD\",\"p\":3000.25,\"s\":1.5,\"t\":\"2024-03-12T10:38:50.858228144Z\",\"i\":7,\"tks\":\"B\"}]");
        alpaca.send(FakeAlpacaServer.frame(btc(8, 51), btc(9, 52)));

        await().until(() -> published.size() == 4);
        Tick first = published.getFirst();
        assertThat(first.symbol()).isEqualTo("BTC/USD");
        assertThat(first.eventTime()).isEqualTo(Instant.parse("2024-03-12T10:38:50.796132210Z"));
        assertThat(first.tradeId()).as("ids above 2^53 survive").isEqualTo("3447222699101865076");
        assertThat(first.price()).isEqualTo(71859.53);
        assertThat(first.takerSide()).isEqualTo("S");
        assertThat(first.source()).isEqualTo("alpaca");
        assertThat(first.eventId()).isEqualTo("alpaca:BTC/USD:3447222699101865076");
        assertThat(published.get(1).eventTime()).isEqualTo(Instant.parse("2024-03-12T10:38:50.858228144Z"));
        assertThat(publishedIds()).containsExactly("3447222699101865076", "7", "8", "9");
    }

    @Test
    void invalidKeysStopTheSourceWithAClearReasonAndNoReconnectStorm() {
        connect("wrong-key", Duration.ofSeconds(30));
        await().until(client::state, State.FAILED::equals);
        assertThat(client.detail()).contains("402").contains("ALPACA_API_KEY").doesNotContain("wrong-key")
                .doesNotContain(FakeAlpacaServer.SECRET);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> alpaca.connections() == 1 && client.state() == State.FAILED);
    }

    @ParameterizedTest(name = "error {0} stops the source")
    @ValueSource(ints = {409, 410, 411})
    void errorsThatRetryingCannotFixStopTheSource(int code) {
        alpaca.authReply = n -> FakeAlpacaServer.error(code, "refused");
        connect(FakeAlpacaServer.KEY, Duration.ofSeconds(30));
        await().until(client::state, State.FAILED::equals);
        assertThat(client.detail()).contains(Integer.toString(code));
        await().during(Duration.ofMillis(800)).until(() -> alpaca.connections() == 1);
    }

    @ParameterizedTest(name = "error {0} in reply to the subscription stops the source")
    @ValueSource(ints = {400, 405})
    void aRefusedSubscriptionStopsTheSourceAndNamesTheSymbols(int code) {
        alpaca.subscribeReply = n -> FakeAlpacaServer.error(code, "refused");
        connect(FakeAlpacaServer.KEY, Duration.ofSeconds(30));
        await().until(client::state, State.FAILED::equals);
        assertThat(client.detail()).contains("MARKETPULSE_SYMBOLS").contains("BTC/USD");
        await().during(Duration.ofMillis(800)).until(() -> alpaca.connections() == 1);
    }

    @Test
    void aConnectionLimitBacksOffForAtLeastTheLimitDelayThenConnects() {
        alpaca.authReply = n -> n == 0 ? FakeAlpacaServer.error(406, "connection limit exceeded") : null;
        connect(FakeAlpacaServer.KEY, Duration.ofSeconds(30));
        await().until(client::state, State.STREAMING::equals);
        assertThat(alpaca.connections()).isEqualTo(2);
        assertThat(Duration.between(alpaca.connectedAt().get(0), alpaca.connectedAt().get(1)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(800));
        assertThat(counter("marketpulse.ingestion.alpaca.reconnects")).isEqualTo(1);
    }

    @Test
    void aSlowClientWarningIsFollowedByAReconnectAndAFreshSubscription() {
        connectAndStream();
        alpaca.send(FakeAlpacaServer.error(407, "slow client"));
        await().until(() -> alpaca.connections() == 2 && client.state() == State.STREAMING);
        long subscribes = alpaca.clientMessages.stream().filter(m -> m.contains("\"subscribe\"")).count();
        assertThat(subscribes).isEqualTo(2);
    }

    @ParameterizedTest(name = "error {0} makes a fresh connection")
    @ValueSource(ints = {401, 404, 500})
    void sessionErrorsReconnect(int code) {
        connectAndStream();
        alpaca.send(FakeAlpacaServer.error(code, "boom"));
        await().until(() -> alpaca.connections() == 2 && client.state() == State.STREAMING);
    }

    @ParameterizedTest(name = "error {0} keeps the session")
    @ValueSource(ints = {400, 403, 405})
    void requestErrorsKeepTheSessionStreaming(int code) {
        connectAndStream();
        alpaca.send(FakeAlpacaServer.error(code, "complaint"));
        alpaca.executeAndStream(btc(1, 1));
        await().until(() -> published.size() == 1);
        assertThat(client.state()).isEqualTo(State.STREAMING);
        assertThat(alpaca.connections()).isEqualTo(1);
    }

    @Test
    void unknownMessageTypesAreSkippedAndTheirTradesNeighboursKept() {
        connectAndStream();
        alpaca.send("[{\"T\":\"zz\",\"S\":\"BTC/USD\"}," + FakeAlpacaServer.frame(btc(1, 1)).substring(1));
        alpaca.send("[{\"T\":\"zz\"}]");
        alpaca.executeAndStream(btc(2, 2));
        await().until(() -> published.size() == 2);
        assertThat(publishedIds()).containsExactly("1", "2");
        assertThat(counter("marketpulse.ingestion.alpaca.messages.unknown")).isEqualTo(2);
    }

    @Test
    void aSlowRestSeedIsNoPartOfTheHandshakeSoItCausesNoReconnect() {
        // each 429 is waited out until X-RateLimit-Reset: the seed takes longer than the 2 s handshake timeout
        alpaca.rateLimitFirstRequests = 5;
        connectAndStream();
        assertThat(alpaca.rateLimitedResponses.get()).isEqualTo(5);
        assertThat(alpaca.connections()).isEqualTo(1);
        assertThat(counter("marketpulse.ingestion.alpaca.reconnects")).isZero();
    }

    @Test
    void malformedFramesAreCountedAndSkipped() {
        connectAndStream();
        alpaca.send("this is not json");
        alpaca.send("{\"T\":\"t\",\"S\":\"BTC/USD\"}");
        alpaca.send("[{\"T\":\"t\",\"S\":\"BTC/USD\",\"p\":\"cheap\",\"s\":1,\"t\":\"2026-01-05T10:00:00Z\",\"i\":1}]");
        alpaca.send("[{\"T\":\"t\",\"S\":\"BTC/USD\",\"p\":1.5,\"s\":1,\"t\":\"yesterday\",\"i\":2}]");
        alpaca.send("[{\"T\":\"t\",\"S\":\"BTC/USD\",\"p\":-3,\"s\":1,\"t\":\"2026-01-05T10:00:00Z\",\"i\":3}]");
        alpaca.send("[{\"T\":\"t\",\"S\":\"BTC/USD\",\"p\":1.5,\"s\":1e400,\"t\":\"2026-01-05T10:00:00Z\",\"i\":5}]");
        alpaca.executeAndStream(btc(4, 4));
        await().until(() -> published.size() == 1);
        assertThat(publishedIds()).containsExactly("4");
        assertThat(counter("marketpulse.ingestion.alpaca.frames.malformed")).isEqualTo(6);
        assertThat(client.state()).isEqualTo(State.STREAMING);
    }

    @Test
    void aDropMidStreamIsBackfilledFromRestWithNoGapAndNoDuplicate() {
        Instant now = Instant.now();
        Trade[] trades = new Trade[8];
        for (int i = 1; i <= 7; i++) {
            trades[i] = trade(i % 2 == 0 ? "ETH/USD" : "BTC/USD", i, now.minusSeconds(30 - i).toString());
        }
        alpaca.pageSize = 2;
        alpaca.rateLimitFirstRequests = 1;
        alpaca.afterSubscribe = n -> n == 1 ? List.of(FakeAlpacaServer.frame(trades[5], trades[6]),
                FakeAlpacaServer.frame(trades[7])) : List.of();
        connectAndStream();

        alpaca.executeAndStream(trades[1], trades[2], trades[3]);
        await().until(() -> published.size() == 3);
        alpaca.executeUnseen(trades[4], trades[5]);
        alpaca.dropConnection();

        await().atMost(Duration.ofSeconds(20)).until(() -> published.size() >= 7);
        await().during(Duration.ofMillis(500)).until(() -> published.size() == 7);
        assertThat(publishedIds()).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(counter("marketpulse.ingestion.alpaca.gaps.backfilled")).isEqualTo(1);
        assertThat(counter("marketpulse.ingestion.alpaca.trades.duplicate")).isGreaterThanOrEqualTo(2);
        assertThat(alpaca.rateLimitedResponses.get()).isEqualTo(1);
        assertThat(alpaca.restRequests("trades")).anyMatch(url -> url.queryParameter("page_token") != null);
        assertThat(alpaca.restRequests("trades").getFirst().queryParameter("symbols")).isEqualTo("BTC/USD,ETH/USD");
    }

    @Test
    void tradesMissedWhileAwayAreBackfilledEvenWhenNoneWasSeenBefore() {
        connectAndStream();
        alpaca.send("[{\"T\":\"q\",\"S\":\"BTC/USD\",\"bp\":1,\"bs\":1,\"ap\":2,\"as\":1,\"t\":\"2026-01-05T10:00:00Z\"}]");
        await().until(() -> sink.quotes.size() == 1);
        alpaca.executeUnseen(trade("ETH/USD", 99, Instant.now().toString()));
        alpaca.dropConnection();
        await().atMost(Duration.ofSeconds(10)).until(() -> publishedIds().equals(List.of("99")));
    }

    @Test
    void aGapLongerThanTheBackfillLimitIsTruncatedAndReported() {
        connect(FakeAlpacaServer.KEY, Duration.ofSeconds(30), Duration.ofSeconds(60));
        await().until(client::state, State.STREAMING::equals);
        alpaca.executeAndStream(trade("BTC/USD", 1, Instant.now().minusSeconds(3600).toString()));
        await().until(() -> published.size() == 1);
        alpaca.dropConnection();

        await().atMost(Duration.ofSeconds(10)).until(() -> alpaca.restRequests("trades").size() == 1);
        Instant start = Instant.parse(alpaca.restRequests("trades").getFirst().queryParameter("start"));
        assertThat(start).isAfter(Instant.now().minusSeconds(120));
        await().until(() -> counter("marketpulse.ingestion.alpaca.gaps.truncated") == 1);
    }

    @Test
    void aSilentConnectionIsDetectedAndReplaced() {
        connect(FakeAlpacaServer.KEY, Duration.ofMillis(1500));
        await().until(client::state, State.STREAMING::equals);
        await().atMost(Duration.ofSeconds(10)).until(() -> alpaca.connections() >= 2);
        assertThat(registry.find("marketpulse.ingestion.alpaca.reconnects").tag("reason", "silent").counter())
                .isNotNull();
    }

    @Test
    void aServerThatNeverGreetsIsGivenUpOnAfterTheHandshakeTimeout() {
        alpaca.greet = false;
        connect(FakeAlpacaServer.KEY, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> alpaca.connections() >= 2);
        assertThat(client.state()).isNotEqualTo(State.STREAMING);
    }

    @Test
    void firstStartSeedsTheLastDayOfMinuteBarsFromRest() {
        Instant minute = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        alpaca.closeBarsUnseen(FakeAlpacaServer.Bar.quiet("BTC/USD", minute.minus(Duration.ofHours(23)), 70_000),
                FakeAlpacaServer.Bar.quiet("ETH/USD", minute.minus(Duration.ofMinutes(2)), 3_000),
                FakeAlpacaServer.Bar.quiet("ETH/USD", minute.minus(Duration.ofHours(25)), 3_000));
        connectAndStream();
        await().until(() -> sink.bars.size() == 2);
        Instant start = Instant.parse(alpaca.restRequests("bars").getFirst().queryParameter("start"));
        assertThat(start).isBetween(minute.minus(Duration.ofHours(24)).minusSeconds(60),
                minute.minus(Duration.ofHours(24)));
        assertThat(sink.bars).allSatisfy(bar -> {
            assertThat(bar.venue()).isEqualTo("us");
            assertThat(bar.corrected()).isFalse();
            assertThat(bar.eventTime()).isEqualTo(bar.start().plus(Duration.ofMinutes(1)));
        });
    }

    @Test
    void theSeedReachesKafkaBeforeAnyLiveQuoteSoFeaturesLearnFromItInEventTime() {
        Instant minute = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        alpaca.closeBarsUnseen(FakeAlpacaServer.Bar.quiet("BTC/USD", minute.minus(Duration.ofHours(2)), 70_000),
                FakeAlpacaServer.Bar.quiet("BTC/USD", minute.minus(Duration.ofMinutes(2)), 70_000));
        alpaca.afterSubscribe = connection -> List.of("[{\"T\":\"q\",\"S\":\"BTC/USD\",\"bp\":69625.1,\"bs\":0.28,"
                + "\"ap\":69684.9,\"as\":0.68,\"t\":\"" + minute + "\"}]");
        connectAndStream();

        await().until(() -> sink.bars.size() == 2 && sink.quotes.size() == 1);
        assertThat(sink.events.getLast()).as("the live quote after the seeded bars").isEqualTo(sink.quotes.getFirst());
    }

    @Test
    void aRestartFetchesOnlyTheBarsAfterThoseAlreadyInKafka() {
        Instant minute = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Instant lastPublished = minute.minus(Duration.ofMinutes(10));
        for (int m = 15; m >= 1; m--) {
            alpaca.closeBarsUnseen(FakeAlpacaServer.Bar.quiet("BTC/USD", minute.minus(Duration.ofMinutes(m)), 70_000),
                    FakeAlpacaServer.Bar.quiet("ETH/USD", minute.minus(Duration.ofMinutes(m)), 3_000));
        }
        connect(FakeAlpacaServer.KEY, Duration.ofSeconds(30), Duration.ofMinutes(15),
                Map.of("BTC/USD", lastPublished, "ETH/USD", lastPublished));
        await().until(client::state, State.STREAMING::equals);

        await().until(() -> sink.bars.size() == 18);
        await().during(Duration.ofMillis(300)).until(() -> sink.bars.size() == 18);
        assertThat(sink.bars).allSatisfy(bar -> assertThat(bar.start()).isAfter(lastPublished));
        assertThat(Instant.parse(alpaca.restRequests("bars").getFirst().queryParameter("start")))
                .isAfter(minute.minus(Duration.ofMinutes(15)));
    }

    @Test
    void anUpdatedBarIsACorrectionUnderTheSameEventIdAndARepeatIsSkipped() {
        connectAndStream();
        String bar = "{\"S\":\"BTC/USD\",\"o\":100,\"h\":101,\"l\":99,\"c\":100.5,\"v\":0,\"t\":\"2024-03-12T10:37:00Z\","
                + "\"n\":0,\"vw\":0}";
        alpaca.send("[{\"T\":\"b\"," + bar.substring(1) + "]");
        alpaca.send("[{\"T\":\"b\"," + bar.substring(1) + "]");
        alpaca.send("[{\"T\":\"u\"," + bar.substring(1).replace("\"v\":0", "\"v\":0.5") + "]");
        await().until(() -> sink.bars.size() == 2);
        await().during(Duration.ofMillis(300)).until(() -> sink.bars.size() == 2);
        assertThat(sink.bars.get(1).eventId()).isEqualTo(sink.bars.get(0).eventId());
        assertThat(sink.bars.get(0).corrected()).isFalse();
        assertThat(sink.bars.get(1).corrected()).isTrue();
        assertThat(sink.bars.get(1).volume()).isEqualTo(0.5);
        assertThat(counter("marketpulse.ingestion.alpaca.bars.duplicate")).isEqualTo(1);
    }

    @Test
    void quotesGoForwardInTimeOnlyAndACrossedQuoteIsSkipped() {
        connectAndStream();
        alpaca.send("[{\"T\":\"q\",\"S\":\"BTC/USD\",\"bp\":69625.1,\"bs\":0.28,\"ap\":69684.9,\"as\":0.68,"
                + "\"t\":\"2024-03-12T10:29:43.111588173Z\"},"
                + "{\"T\":\"q\",\"S\":\"BTC/USD\",\"bp\":69700,\"bs\":1,\"ap\":69600,\"as\":1,"
                + "\"t\":\"2024-03-12T10:29:44Z\"}]");
        alpaca.send("[{\"T\":\"q\",\"S\":\"BTC/USD\",\"bp\":69625.1,\"bs\":0.28,\"ap\":69684.9,\"as\":0.68,"
                + "\"t\":\"2024-03-12T10:29:43.111588173Z\"}]");
        await().until(() -> counter("marketpulse.ingestion.alpaca.quotes.stale") == 1);
        assertThat(sink.quotes).singleElement().satisfies(quote -> {
            assertThat(quote.venue()).isEqualTo("us");
            assertThat(quote.eventTime()).isEqualTo(Instant.parse("2024-03-12T10:29:43.111588173Z"));
            assertThat(quote.spread()).isBetween(0.0008, 0.0009);
        });
        assertThat(counter("marketpulse.ingestion.alpaca.frames.malformed")).isEqualTo(1);
    }
}
