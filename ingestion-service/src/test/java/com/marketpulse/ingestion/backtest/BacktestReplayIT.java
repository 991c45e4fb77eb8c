package com.marketpulse.ingestion.backtest;

import com.marketpulse.events.BacktestCommand;
import com.marketpulse.events.BacktestProgress;
import com.marketpulse.events.BacktestProgress.State;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.files.archive.ArchiveLayout;
import com.marketpulse.files.archive.Archived;
import com.marketpulse.files.archive.BarSchema;
import com.marketpulse.files.archive.EventFile;
import com.marketpulse.files.archive.EventSchema;
import com.marketpulse.files.archive.QuoteSchema;
import com.marketpulse.files.archive.TickSchema;
import com.marketpulse.events.json.EventJson;
import com.marketpulse.ingestion.support.KafkaTestConsumer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Backtest runs from backtest.commands beside the live simulator, against the real embedded broker: every row of a
 * gzipped candle slice and of a trades CSV with bad rows is accounted for under its run id, two runs at once never
 * mix, a cancel stops a big run, the live ticks keep flowing during it, and a run an earlier instance left RUNNING is
 * reported FAILED.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "marketpulse.source=simulator",
        "marketpulse.simulator.trades-per-second=20",
        "marketpulse.simulator.history=0s",
        "marketpulse.backtest.max-runs=2",
        "marketpulse.backtest.publish-buffer=2000"})
@EmbeddedKafka(partitions = 3)
class BacktestReplayIT {

    static final Path UPLOADS = uploads();
    static final Path ARCHIVE = UPLOADS.resolveSibling(UPLOADS.getFileName() + "-archive");
    static final int BIG_TRADES = 400_000;

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    BacktestRunner runner;

    static Path uploads() {
        try {
            return Files.createTempDirectory("backtest-uploads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void uploadDirectory(DynamicPropertyRegistry registry) {
        registry.add("marketpulse.backtest.upload-directory", UPLOADS::toString);
        registry.add("marketpulse.archive.directory", ARCHIVE::toString);
    }

    @BeforeEach
    void ready() {
        await().atMost(Duration.ofSeconds(60)).until(runner::ready);
    }

    @Test
    void aCandleSliceAndATradesFileWithBadRowsRunAtOnceEveryRowAccountedForUnderItsOwnRunId() throws IOException {
        try (InputStream slice = getClass().getResourceAsStream("/candles/DOTUSDT-1m-2024-11-day1.csv.gz")) {
            Files.copy(slice, UPLOADS.resolve("dot-day1.csv.gz"));
        }
        writeTrades(UPLOADS.resolve("trades-bad.csv"), 5_000, true);
        String candles = "candles-" + UUID.randomUUID();
        String trades = "trades-" + UUID.randomUUID();

        try (ProgressWatcher progress = new ProgressWatcher(broker)) {
            send(BacktestCommand.start(candles, "alice", BacktestCommand.Input.upload("dot-day1.csv.gz", null,
                    "DOT/USD"), null, Instant.now()));
            send(BacktestCommand.start(trades, "bob", BacktestCommand.Input.upload("trades-bad.csv", null, null),
                    null, Instant.now()));
            BacktestProgress candleEnd = progress.awaitEnd(candles, Duration.ofMinutes(2));
            BacktestProgress tradeEnd = progress.awaitEnd(trades, Duration.ofMinutes(2));

            assertThat(candleEnd.state()).isEqualTo(State.PUBLISHED);
            assertThat(candleEnd.rowsRead()).isEqualTo(1440);
            assertThat(candleEnd.published()).isEqualTo(1440);
            assertThat(candleEnd.deadLettered() + candleEnd.badRows()).isZero();
            assertThat(candleEnd.eventTimeFrom()).isEqualTo(Instant.parse("2024-11-01T00:01:00Z"));
            assertThat(candleEnd.eventTimeReached()).isEqualTo(Instant.parse("2024-11-02T00:00:00Z"));
            assertThat(candleEnd.bytesRead()).isEqualTo(candleEnd.bytesTotal()).isPositive();

            assertThat(tradeEnd.state()).isEqualTo(State.PUBLISHED);
            assertThat(tradeEnd.rowsRead()).isEqualTo(5_003);
            assertThat(tradeEnd.rowsRead())
                    .isEqualTo(tradeEnd.published() + tradeEnd.deadLettered() + tradeEnd.badRows());
            assertThat(tradeEnd.published()).isEqualTo(5_000);
            assertThat(tradeEnd.firstBadRows()).extracting(BacktestProgress.BadRow::line)
                    .containsExactly(102L, 1_203L, 2_304L);
            assertThat(tradeEnd.firstBadRows().getFirst().reason()).contains("price");
            assertThat(progress.of(trades).getFirst().state()).isEqualTo(State.RUNNING);
        }

        Map<String, Long> bars = runIds(Topics.MARKET_SOURCE_BARS_REPLAY, 1440);
        Map<String, Long> ticks = runIds(Topics.MARKET_CRYPTO_REPLAY, 5_000);
        assertThat(bars).containsEntry(candles, 1440L).doesNotContainKey(trades);
        assertThat(ticks).containsEntry(trades, 5_000L).doesNotContainKey(candles);
        List<ConsumerRecord<String, String>> labels =
                KafkaTestConsumer.consume(broker, Topics.MARKET_LABELS_REPLAY, 1, Duration.ofSeconds(1));
        assertThat(labels).allSatisfy(l -> assertThat(runId(l)).isEqualTo(trades));
        assertThat(labels).hasSize(1);
    }

    @Test
    void aCancelStopsABigRunWhileTheLiveTicksKeepFlowing() throws IOException {
        writeTrades(UPLOADS.resolve("big.csv"), BIG_TRADES, false);
        String run = "big-" + UUID.randomUUID();
        try (ProgressWatcher progress = new ProgressWatcher(broker)) {
            Instant started = Instant.now();
            send(BacktestCommand.start(run, "carol", BacktestCommand.Input.upload("big.csv", "trades-csv", null),
                    null, started));
            BacktestProgress running = progress.awaitRows(run, 20_000, Duration.ofMinutes(1));
            assertThat(running.state()).isEqualTo(State.RUNNING);
            assertThat(running.etaSeconds()).isNotNull();
            assertThat(running.bytesRead()).isPositive().isLessThan(running.bytesTotal());
            BacktestProgress later = progress.awaitRows(run, running.rowsRead() + 50_000, Duration.ofMinutes(1));
            assertThat(later.state()).isEqualTo(State.RUNNING);

            List<ConsumerRecord<String, String>> live =
                    KafkaTestConsumer.consume(broker, Topics.MARKET_CRYPTO, 1, Duration.ofSeconds(1));
            assertThat(live).as("live ticks made (event time) and published while 50,000 backtest rows went out")
                    .anyMatch(r -> !Instant.ofEpochMilli(r.timestamp()).isBefore(running.at())
                            && Instant.ofEpochMilli(r.timestamp()).isBefore(later.at()));

            send(BacktestCommand.cancel(run, "carol", Instant.now()));
            BacktestProgress end = progress.awaitEnd(run, Duration.ofSeconds(30));
            assertThat(end.state()).isEqualTo(State.CANCELLED);
            assertThat(end.rowsRead()).isLessThan(BIG_TRADES + 1);
            assertThat(end.rowsRead()).isEqualTo(end.published() + end.deadLettered() + end.badRows());
        }
    }

    @Test
    void aRunningRunIsReportedFailedWhenIngestionStopsAndIsNotRunAgainAfterItsRestart() throws IOException {
        writeTrades(UPLOADS.resolve("stopped.csv"), BIG_TRADES, false);
        String run = "stopped-" + UUID.randomUUID();
        try (ProgressWatcher progress = new ProgressWatcher(broker)) {
            send(BacktestCommand.start(run, "erin", BacktestCommand.Input.upload("stopped.csv", null, null), null,
                    Instant.now()));
            progress.awaitRows(run, 20_000, Duration.ofMinutes(1));

            runner.stop();
            BacktestProgress end = progress.awaitEnd(run, Duration.ofSeconds(30));
            assertThat(end.state()).isEqualTo(State.FAILED);
            assertThat(end.error()).startsWith("interrupted");
            assertThat(end.rowsRead()).isEqualTo(end.published() + end.deadLettered() + end.badRows());

            runner.start();
            await().atMost(Duration.ofSeconds(60)).until(runner::ready);
            String next = "after-restart-" + UUID.randomUUID();
            send(BacktestCommand.start(next, "erin", BacktestCommand.Input.upload("missing.csv", null, null), null,
                    Instant.now()));
            progress.awaitEnd(next, Duration.ofSeconds(60));
            assertThat(progress.latest(run).orElseThrow())
                    .as("the stopped run is not resumed: its START was read once").isEqualTo(end);
        }
    }

    @Test
    void aThirdRunWaitsUntilOneOfTheTwoRunningEndsThenRunsWhole() throws IOException {
        writeTrades(UPLOADS.resolve("queue.csv"), 100_000, false);
        List<String> runs = List.of("first-" + UUID.randomUUID(), "second-" + UUID.randomUUID(),
                "third-" + UUID.randomUUID());
        try (ProgressWatcher progress = new ProgressWatcher(broker)) {
            for (String run : runs) {
                send(BacktestCommand.start(run, "frank", BacktestCommand.Input.upload("queue.csv", null, null), null,
                        Instant.now()));
            }
            List<BacktestProgress> ends = runs.stream().map(r -> progress.awaitEnd(r, Duration.ofMinutes(2))).toList();

            assertThat(ends).allSatisfy(end -> {
                assertThat(end.state()).isEqualTo(State.PUBLISHED);
                assertThat(end.published()).isEqualTo(100_000);
            });
            Instant firstSlotFree = ends.get(0).at().isBefore(ends.get(1).at()) ? ends.get(0).at() : ends.get(1).at();
            List<BacktestProgress> third = progress.of(runs.get(2));
            assertThat(third.getFirst().state()).isEqualTo(State.RUNNING);
            assertThat(third).filteredOn(p -> p.at().isBefore(firstSlotFree))
                    .as("the third run reads nothing while two run (marketpulse.backtest.max-runs=2)")
                    .isNotEmpty().allSatisfy(p -> assertThat(p.rowsRead()).isZero());
        }
    }

    @Test
    void aRunAnEarlierInstanceLeftRunningIsReportedFailedAtStart() {
        String run = "crashed-" + UUID.randomUUID();
        BacktestProgress last = new BacktestProgress(run, State.RUNNING, 700, 650, 0, 0, List.of(), null, null, 1000,
                5L, 700, 7000, null, Instant.now());
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.BACKTEST_PROGRESS, run,
                    EventJson.mapper().writeValueAsString(last)));
        }

        runner.reportInterrupted();

        try (ProgressWatcher progress = new ProgressWatcher(broker)) {
            BacktestProgress end = progress.awaitEnd(run, Duration.ofSeconds(30));
            assertThat(end.state()).isEqualTo(State.FAILED);
            assertThat(end.error()).startsWith("interrupted");
            assertThat(end.rowsRead()).isEqualTo(700);
        }
    }

    @Test
    void aFileNameLeadingOutOfTheUploadDirectoryIsRefused() {
        String run = "escape-" + UUID.randomUUID();
        try (ProgressWatcher progress = new ProgressWatcher(broker)) {
            send(BacktestCommand.start(run, "mallory", BacktestCommand.Input.upload("../../etc/passwd", null, null),
                    null, Instant.now()));
            BacktestProgress end = progress.awaitEnd(run, Duration.ofSeconds(30));
            assertThat(end.state()).isEqualTo(State.FAILED);
            assertThat(end.error()).contains("not a file inside the upload directory");
            assertThat(end.rowsRead()).isZero();
        }
    }

    @Test
    void anArchiveRangeIsReplayedWholeInEventTimeOrderAndARangeWithoutDataFails() throws IOException {
        Instant t0 = Instant.parse("2026-05-04T23:00:00Z");
        List<Tick> trades = new ArrayList<>();
        List<Quote> quotes = new ArrayList<>();
        List<SourceBar> bars = new ArrayList<>();
        for (int i = 0; i < 120; i++) { // two hours across midnight
            Instant t = t0.plusSeconds(60L * i);
            trades.add(Tick.live("alpaca", "us", "BTC/USD", t.plusSeconds(20), 60_000 + i, 0.1, "t" + i, "B"));
            quotes.add(Quote.live("alpaca", "us", "BTC/USD", t.plusSeconds(30), 59_990 + i, 1, 60_010 + i, 1));
            bars.add(new SourceBar(SourceBar.idOf("alpaca", "us", "BTC/USD", t, null), "BTC/USD", t, t.plusSeconds(60),
                    60_000 + i, 60_010 + i, 59_990 + i, 60_000 + i, 2, 3, 60_000 + i, false, "alpaca", "us", null));
        }
        archive(TickSchema.TICKS, trades);
        archive(QuoteSchema.QUOTES, quotes);
        archive(BarSchema.BARS, bars);
        String run = "archive-" + UUID.randomUUID();
        String empty = "archive-empty-" + UUID.randomUUID();

        try (ProgressWatcher progress = new ProgressWatcher(broker)) {
            send(BacktestCommand.start(run, "dave", BacktestCommand.Input.archive(List.of("BTC-USD"),
                    t0.plusSeconds(600), t0.plusSeconds(6600)), null, Instant.now()));
            send(BacktestCommand.start(empty, "dave", BacktestCommand.Input.archive(List.of("BTC/USD"),
                    Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-02T00:00:00Z")), null, Instant.now()));
            BacktestProgress end = progress.awaitEnd(run, Duration.ofMinutes(1));
            BacktestProgress none = progress.awaitEnd(empty, Duration.ofMinutes(1));

            // minutes 10..109: 100 trades and 100 quotes; bars ending within [10 min, 110 min): 100
            assertThat(end.state()).isEqualTo(State.PUBLISHED);
            assertThat(end.rowsRead()).isEqualTo(300);
            assertThat(end.published()).isEqualTo(300);
            assertThat(end.eventTimeFrom()).isEqualTo(t0.plusSeconds(600));
            assertThat(end.eventTimeReached()).isEqualTo(t0.plusSeconds(60 * 109 + 30));
            assertThat(none.state()).isEqualTo(State.FAILED);
            assertThat(none.error()).startsWith("no rows");
        }
        List<ConsumerRecord<String, String>> replayed =
                KafkaTestConsumer.consume(broker, Topics.MARKET_QUOTES_REPLAY, 100, Duration.ofSeconds(1));
        assertThat(replayed).hasSize(100).allSatisfy(r -> assertThat(runId(r)).isEqualTo(run));
        List<Instant> times = replayed.stream().filter(r -> r.partition() == replayed.getFirst().partition())
                .map(r -> Instant.parse(EventJson.mapper().readTree(r.value()).get("eventTime").asString())).toList();
        assertThat(times).isSorted();
    }

    /** Writes events of one kind as detection's archiver seals them: one file per date directory. */
    private static <E> void archive(EventSchema<E> schema, List<E> events) throws IOException {
        Map<Path, List<E>> byDirectory = events.stream().collect(Collectors.groupingBy(
                e -> ArchiveLayout.directory(schema.root(ARCHIVE), schema.symbol(e), schema.eventTime(e)),
                java.util.LinkedHashMap::new, Collectors.toList()));
        long offset = 0;
        for (Map.Entry<Path, List<E>> entry : byDirectory.entrySet()) {
            Files.createDirectories(entry.getKey());
            EventFile<E> file = new EventFile<>(entry.getKey().resolve(String.format("part-p0-%020d-%020d.parquet",
                    offset, offset + entry.getValue().size() - 1)), schema);
            for (E event : entry.getValue()) {
                file.write(new Archived<>(event, 0, offset++));
            }
            file.close();
        }
    }

    /** Trades a millisecond apart over three symbols; with {@code bad}, lines 102, 1203 and 2304 are bad. */
    static void writeTrades(Path file, int count, boolean bad) throws IOException {
        Instant start = Instant.parse("2026-01-05T10:00:00Z");
        List<String> symbols = List.of("BTC/USD", "ETH/USD", "SOL/USD");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("timestamp,symbol,price,size,trade_id,label\n");
            long line = 1;
            for (int i = 0; i < count; i++) {
                line++;
                if (bad && line % 1101 == 102 && line < 2400) {
                    out.write(start.plusMillis(i) + ",BTC/USD,NaN,1,bad" + line + ",\n");
                    line++;
                }
                String label = i >= 1000 && i < 1010 && i % 3 == 0 ? "PRICE_SPIKE" : "";
                out.write(start.plusMillis(i) + "," + symbols.get(i % 3) + "," + (100 + i % 7) + ",0.5,t" + i + ","
                        + label + "\n");
            }
        }
    }

    private Map<String, Long> runIds(String topic, int atLeast) {
        return KafkaTestConsumer.consume(broker, topic, atLeast, Duration.ofSeconds(1)).stream()
                .collect(Collectors.groupingBy(BacktestReplayIT::runId, Collectors.counting()));
    }

    private static String runId(ConsumerRecord<String, String> record) {
        JsonNode node = EventJson.mapper().readTree(record.value());
        return node.get("runId").asString();
    }

    private void send(BacktestCommand command) {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.BACKTEST_COMMANDS, command.runId(),
                    EventJson.mapper().writeValueAsString(command)));
        }
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(KafkaTestUtils.producerProps(broker), new StringSerializer(),
                new StringSerializer());
    }
}
