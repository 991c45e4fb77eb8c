package com.marketpulse.detection.archive;

import com.marketpulse.files.archive.ArchiveLayout;
import com.marketpulse.files.archive.ArchiveReader;
import com.marketpulse.files.archive.Archived;
import com.marketpulse.files.archive.EventSchema;
import com.marketpulse.files.archive.TickSchema;
import com.marketpulse.files.archive.QuoteSchema;
import com.marketpulse.files.archive.BarSchema;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every field of every kind survives a round trip through a sealed Parquet file, nanoseconds and nulls included. */
class EventSchemaTest {

    private static final Instant T = Instant.parse("2026-03-09T13:45:07.123456789Z");
    private static final Instant BEFORE_1970 = Instant.parse("1969-12-31T23:59:59.999999999Z");

    @TempDir
    Path root;

    private <E> List<Archived<E>> roundTrip(EventSchema<E> schema, List<E> events) {
        var archive = new EventArchive<>(root, schema, 1000, Duration.ofMinutes(1), Clock.systemUTC());
        for (int i = 0; i < events.size(); i++) {
            archive.append(3, 40 + i, events.get(i));
        }
        assertThat(archive.seal(3)).hasValue(40 + events.size());
        Path base = schema.root(root);
        return ArchiveLayout.files(base, name -> name.endsWith(".parquet")).stream()
                .flatMap(f -> ArchiveReader.rows(f, schema).stream()).toList();
    }

    @Test
    void aQuoteKeepsEveryFieldIncludingNanosecondsAndItsRunId() {
        var full = new Quote("alpaca:us:BTC/USD:q:" + T, "BTC/USD", T, 64_000.5, 0.125, 64_006.25, 1.5, "alpaca",
                "us", "run-7");
        var bare = new Quote("q-2", "BTC/USD", T.plusNanos(1), 64_000.5, 0, 64_000.5, 0, null, null, null);

        List<Archived<Quote>> rows = roundTrip(QuoteSchema.QUOTES, List.of(full, bare));

        assertThat(rows).containsExactly(new Archived<>(full, 3, 40), new Archived<>(bare, 3, 41));
        assertThat(rows.get(1).event().eventTime().getNano()).isEqualTo(123_456_790);
    }

    @Test
    void aSourceBarKeepsEveryFieldIncludingItsCorrectionFlag() {
        Instant start = T.minusSeconds(60);
        var corrected = new SourceBar(SourceBar.idOf("alpaca", "eu-1", "ETH/USD", start, "run-1"), "ETH/USD", start,
                T, 3100.25, 3110.5, 3099.75, 3105, 12.5, 42, 3104.1, true, "alpaca", "eu-1", "run-1");
        var emptyMinute = new SourceBar("b-2", "ETH/USD", BEFORE_1970.minusSeconds(60), BEFORE_1970, 3100, 3100, 3100,
                3100, 0, 0, 0, false, null, null, null);

        List<Archived<SourceBar>> rows = roundTrip(BarSchema.BARS, List.of(corrected, emptyMinute));

        assertThat(rows).extracting(Archived::event).containsExactlyInAnyOrder(corrected, emptyMinute);
    }

    @Test
    void aTickKeepsItsFieldsAndVenue() {
        var full = new Tick("alpaca:SOL/USD:9", "SOL/USD", T, 150.25, 3.0, "9", "S", "alpaca", "us-1", null);
        var bare = new Tick("t-2", "SOL/USD", T, 150.25, 0.0, null, null, null, null, null);

        assertThat(roundTrip(TickSchema.TICKS, List.of(full, bare))).extracting(Archived::event)
                .containsExactly(full, bare);
    }

    @Test
    void timesAreUtcNanosecondTimestampsAndTheFooterNamesTheLayout() throws IOException {
        Instant start = T.minusSeconds(60);
        roundTrip(BarSchema.BARS, List.of(new SourceBar("b", "BTC/USD", start, T, 1, 1, 1, 1, 0, 0, 0, false,
                "alpaca", "us", null)));
        Path file = ArchiveReader.bars(root).files().getFirst();

        try (var reader = ParquetFileReader.open(new LocalInputFile(file))) {
            var metadata = reader.getFooter().getFileMetaData();
            MessageType schema = metadata.getSchema();
            var utcNanos = LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.NANOS);
            assertThat(schema.getType("start").getLogicalTypeAnnotation()).isEqualTo(utcNanos);
            assertThat(schema.getType("event_time").getLogicalTypeAnnotation()).isEqualTo(utcNanos);
            assertThat(metadata.getKeyValueMetaData()).containsEntry("marketpulse.schema", "bar/1");
        }
    }

    @Test
    void eachKindLivesInItsOwnDirectory() {
        assertThat(TickSchema.TICKS.root(root)).isEqualTo(root);
        assertThat(QuoteSchema.QUOTES.root(root)).isEqualTo(root.resolve("quotes"));
        assertThat(BarSchema.BARS.root(root)).isEqualTo(root.resolve("bars"));
    }
}
