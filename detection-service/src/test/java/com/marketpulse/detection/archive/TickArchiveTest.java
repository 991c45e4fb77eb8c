package com.marketpulse.detection.archive;


import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.events.Tick;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TickArchiveTest {

    private static final Instant T0 = Instant.parse("2026-11-24T23:59:58.123456789Z");

    @TempDir
    Path root;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));

    private TickArchive archive(int maxTicks) {
        return new TickArchive(root, maxTicks, Duration.ofSeconds(60), clock);
    }

    /** Tick {@code i}: alternating symbols, one per 10 ms, crossing midnight UTC. */
    private static Tick tick(long i) {
        String symbol = i % 2 == 0 ? "BTC/USD" : "ETH/USD";
        return Tick.live("simulator", "simulator", symbol, T0.plusMillis(10 * i), 100_000 + i, 0.5, Long.toString(i), "B");
    }

    private static void write(TickArchive archive, long from, long to) {
        LongStream.range(from, to).forEach(i -> archive.append(0, i, tick(i)));
    }

    private List<Long> archivedOffsets() {
        return TickArchiveReader.files(root).stream().flatMap(f -> TickArchiveReader.read(f).stream())
                .map(ArchivedTick::offset).sorted().toList();
    }

    private static List<Long> offsets(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }

    @Test
    void writesReadableParquetPartitionedByDateAndSymbolWithNanosecondUtcTimestamps() throws IOException {
        TickArchive archive = archive(1000);
        write(archive, 0, 400);

        assertThat(archive.seal(0)).hasValue(400);

        assertThat(TickArchiveReader.files(root)).extracting(f -> root.relativize(f).toString()).containsExactly(
                "date=2026-11-24/symbol=BTC-USD/part-p0-00000000000000000000-00000000000000000399.parquet",
                "date=2026-11-24/symbol=ETH-USD/part-p0-00000000000000000000-00000000000000000399.parquet",
                "date=2026-11-25/symbol=BTC-USD/part-p0-00000000000000000000-00000000000000000399.parquet",
                "date=2026-11-25/symbol=ETH-USD/part-p0-00000000000000000000-00000000000000000399.parquet");
        Path first = TickArchiveReader.files(root).getFirst();
        assertThat(TickArchiveReader.read(first).getFirst().tick()).isEqualTo(tick(0));
        try (var reader = ParquetFileReader.open(new LocalInputFile(first))) {
            var eventTime = reader.getFooter().getFileMetaData().getSchema().getType("event_time");
            assertThat(eventTime.getLogicalTypeAnnotation()).isEqualTo(
                    LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.NANOS));
        }
        assertThat(archivedOffsets()).isEqualTo(offsets(0, 400));
    }

    @Test
    void nothingIsVisibleBeforeTheGenerationIsSealed() throws IOException {
        TickArchive archive = archive(1000);
        write(archive, 0, 10);

        assertThat(TickArchiveReader.files(root)).isEmpty();
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .isNotEmpty().allMatch(name -> name.startsWith(".") && name.endsWith(".parquet.tmp"));
        }
    }

    @Test
    void rollsAGenerationAtItsTickLimitOrAge() {
        TickArchive archive = archive(5);
        write(archive, 0, 4);
        assertThat(archive.due()).isEmpty();

        archive.append(0, 4, tick(4));
        assertThat(archive.due()).containsExactly(0);
        archive.seal(0);

        archive.append(0, 5, tick(5));
        clock.advance(Duration.ofSeconds(59));
        assertThat(archive.due()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(archive.due()).containsExactly(0);
    }

    @Test
    void aRecordWithoutATickStillMovesTheOffsetToCommit() {
        TickArchive archive = archive(100);
        write(archive, 0, 3);
        archive.skip(0, 3);

        assertThat(archive.seal(0)).hasValue(4);
        assertThat(archivedOffsets()).isEqualTo(offsets(0, 3));
    }

    @Test
    void aCrashBetweenRenameAndCommitNeitherLosesNorDoublesATick() {
        TickArchive beforeCrash = archive(1000);
        write(beforeCrash, 0, 50);
        long committed = beforeCrash.seal(0).orElseThrow();
        write(beforeCrash, 50, 120);
        beforeCrash.seal(0); // renamed into place, then the process dies before Kafka has the commit

        TickArchive afterRestart = archive(1000);
        afterRestart.recover(0, committed);
        write(afterRestart, committed, 90);
        afterRestart.seal(0);
        write(afterRestart, 90, 130);
        afterRestart.seal(0);

        assertThat(archivedOffsets()).isEqualTo(offsets(0, 130));
    }

    @Test
    void aCrashWhileWritingLeavesNoVisibleFileAndRecoveryRemovesTheTemporaryOnes() throws IOException {
        TickArchive beforeCrash = archive(1000);
        write(beforeCrash, 0, 30); // the process dies with the generation open

        TickArchive afterRestart = archive(1000);
        afterRestart.recover(0, 0);
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile)).isEmpty();
        }
        write(afterRestart, 0, 30);
        afterRestart.seal(0);

        assertThat(archivedOffsets()).isEqualTo(offsets(0, 30));
    }

    @Test
    void recoveryLeavesOtherPartitionsAlone() {
        TickArchive archive = archive(1000);
        archive.append(1, 7, tick(7));
        archive.seal(1);
        write(archive, 0, 5);
        archive.seal(0);

        archive(1000).recover(0, 0);

        assertThat(TickArchiveReader.files(root).stream().flatMap(f -> TickArchiveReader.read(f).stream()))
                .extracting(ArchivedTick::partition, ArchivedTick::offset)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 7L));
    }

    @Test
    void keepsTheFieldsOfATick() {
        TickArchive archive = archive(10);
        Tick withoutOptionals = new Tick("alpaca:SOL/USD:1", "SOL/USD", T0, 150.25, 3.0, null, null, null, null, null);
        archive.append(0, 0, withoutOptionals);
        archive.append(0, 1, tick(1));
        archive.seal(0);

        List<Tick> ticks = TickArchiveReader.files(root).stream().flatMap(f -> TickArchiveReader.read(f).stream())
                .map(ArchivedTick::tick).toList();
        assertThat(ticks).containsExactlyInAnyOrder(withoutOptionals, tick(1));
        assertThat(ticks).map(Function.<Tick>identity()).allMatch(t -> t.eventTime().getNano() % 1000 != 0);
    }
}
