package com.marketpulse.detection.archive;

import com.marketpulse.files.archive.ArchiveReader;
import com.marketpulse.files.archive.EventSchema;
import com.marketpulse.files.archive.QuoteSchema;
import com.marketpulse.files.archive.BarSchema;

import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveReaderTest {

    /** 23:58 UTC: two minutes before midnight, so a range crosses a {@code date=} directory. */
    private static final Instant T0 = Instant.parse("2026-05-04T23:58:00.000000001Z");

    @TempDir
    Path root;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T12:00:00Z"));

    private <E> EventArchive<E> archive(EventSchema<E> schema) {
        return new EventArchive<>(root, schema, 1000, Duration.ofSeconds(60), clock);
    }

    private static Quote quote(String symbol, Instant t, double bid) {
        return Quote.live("alpaca", "us", symbol, t, bid, 0.5, bid + 5, 0.25);
    }

    private static SourceBar bar(Instant start, double close, boolean corrected) {
        return new SourceBar(SourceBar.idOf("alpaca", "us", "BTC/USD", start, null), "BTC/USD", start,
                start.plusSeconds(60), 100, Math.max(100, close), Math.min(100, close), close, corrected ? 2 : 1,
                corrected ? 5 : 3, 0, corrected, "alpaca", "us", null);
    }

    @Test
    void readsOneSymbolsQuotesOfARangeInEventTimeOrderAcrossFilesAndDates() {
        List<Quote> btc = IntStream.range(0, 240).mapToObj(i -> quote("BTC/USD", T0.plusSeconds(i), 60_000 + i))
                .toList();
        EventArchive<Quote> archive = archive(QuoteSchema.QUOTES);
        // written out of event-time order, across three generations and two partitions, with another symbol between
        for (int i = 0; i < 240; i++) {
            int partition = i % 2;
            archive.append(partition, 1000 + 2L * i, btc.get(239 - i));
            archive.append(partition, 1001 + 2L * i, quote("ETH/USD", T0.plusSeconds(i), 3000 + i));
            if (i % 100 == 99) {
                archive.seal(0);
                archive.seal(1);
            }
        }
        archive.seal(0);
        archive.seal(1);

        Instant from = T0.plusSeconds(30);
        Instant to = T0.plusSeconds(200);
        assertThat(ArchiveReader.quotes(root).read("btc-usd", from, to))
                .containsExactlyElementsOf(btc.subList(30, 200));
        assertThat(ArchiveReader.quotes(root).files()).extracting(f -> root.relativize(f).subpath(0, 2).toString())
                .contains("quotes/date=2026-05-04", "quotes/date=2026-05-05");
    }

    @Test
    void keepsTheLastVersionOfACorrectedBar() {
        EventArchive<SourceBar> archive = archive(BarSchema.BARS);
        Instant minute = T0;
        archive.append(0, 10, bar(minute, 101, false));
        archive.append(0, 11, bar(minute.plusSeconds(60), 102, false));
        archive.seal(0);
        archive.append(0, 12, bar(minute, 99, true)); // Alpaca's updatedBars: the first minute, corrected
        archive.seal(0);

        List<SourceBar> bars = ArchiveReader.bars(root).read("BTC/USD", T0, T0.plusSeconds(600));

        assertThat(bars).containsExactly(bar(minute, 99, true), bar(minute.plusSeconds(60), 102, false));
        assertThat(ArchiveReader.bars(root).files().stream().mapToLong(f -> ArchiveReader.bars(root).read(f).size())
                .sum()).as("both versions stay in the archive").isEqualTo(3);
    }

    @Test
    void theKindsDoNotSeeOrRecoverEachOthersFiles() {
        EventArchive<Tick> trades = new TickArchive(root, 1000, Duration.ofSeconds(60), clock);
        trades.append(0, 0, Tick.live("alpaca", "us", "BTC/USD", T0, 60_000, 0.01, "1", "B"));
        trades.seal(0);
        EventArchive<Quote> quotes = archive(QuoteSchema.QUOTES);
        quotes.append(0, 0, quote("BTC/USD", T0, 60_000));
        quotes.seal(0);
        EventArchive<SourceBar> bars = archive(BarSchema.BARS);
        bars.append(0, 0, bar(T0, 100, false));
        bars.seal(0);

        // a restart of the quote archiver at offset 0 removes its own uncommitted file, nothing else
        archive(QuoteSchema.QUOTES).recover(0, 0);

        assertThat(TickArchiveReader.files(root)).hasSize(1);
        assertThat(ArchiveReader.trades(root).files()).hasSize(1);
        assertThat(ArchiveReader.quotes(root).files()).isEmpty();
        assertThat(ArchiveReader.bars(root).files()).hasSize(1);
    }

    @Test
    void readsTradesArchivedBeforeTheVenueWasRecorded() throws IOException {
        MessageType tick1 = Types.buildMessage()
                .required(BINARY).as(stringType()).named("event_id")
                .required(BINARY).as(stringType()).named("symbol")
                .required(INT64).as(timestampType(true, TimeUnit.NANOS)).named("event_time")
                .required(DOUBLE).named("price")
                .required(DOUBLE).named("size")
                .optional(BINARY).as(stringType()).named("trade_id")
                .optional(BINARY).as(stringType()).named("taker_side")
                .optional(BINARY).as(stringType()).named("source")
                .required(INT32).named("kafka_partition")
                .required(INT64).named("kafka_offset")
                .named("tick");
        Path directory = Files.createDirectories(root.resolve("date=2026-05-04/symbol=BTC-USD"));
        Path file = directory.resolve("part-p0-00000000000000000007-00000000000000000007.parquet");
        try (var writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(tick1)
                .withConf(new PlainParquetConfiguration()).build()) {
            writer.write(new SimpleGroupFactory(tick1).newGroup().append("event_id", "simulator:BTC/USD:7")
                    .append("symbol", "BTC/USD").append("event_time", EventSchema.epochNanos(T0))
                    .append("price", 60_000.0).append("size", 0.5).append("trade_id", "7")
                    .append("source", "simulator").append("kafka_partition", 0).append("kafka_offset", 7L));
        }

        assertThat(TickArchiveReader.read(file)).containsExactly(new ArchivedTick(
                new Tick("simulator:BTC/USD:7", "BTC/USD", T0, 60_000, 0.5, "7", null, "simulator", null, null), 0, 7));
        assertThat(ArchiveReader.trades(root).read("BTC/USD", T0, T0.plusNanos(1))).hasSize(1);
    }
}
