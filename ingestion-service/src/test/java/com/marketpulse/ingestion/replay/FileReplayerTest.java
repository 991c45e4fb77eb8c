package com.marketpulse.ingestion.replay;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Tick;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileReplayerTest {

    @TempDir
    Path dir;

    Path csv(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    static RecordingReplaySink replay(Path file, ReplaySpeed speed, VirtualPacer pacer) throws Exception {
        RecordingReplaySink sink = new RecordingReplaySink();
        new FileReplayer(speed, pacer).replay(file, sink);
        return sink;
    }

    @Test
    void readsACsvWithAHeaderKeepingNanosecondsAndNormalisingSymbols() throws Exception {
        Path file = csv("trades.csv",
                "timestamp,symbol,price,size,label",
                "2026-01-05T10:00:00.123456789Z,BTC/USD,90000.5,0.01,",
                "2026-01-05T10:00:01Z,eth-usd,3000.25,1.5,normal",
                "1767607202000,SOL/USD,150.125,10,");
        RecordingReplaySink sink = replay(file, ReplaySpeed.MAX, new VirtualPacer());
        assertThat(sink.badRows).isEmpty();
        assertThat(sink.ticks).extracting(Tick::symbol).containsExactly("BTC/USD", "ETH/USD", "SOL/USD");
        assertThat(sink.ticks.getFirst().eventTime()).isEqualTo(Instant.parse("2026-01-05T10:00:00.123456789Z"));
        assertThat(sink.ticks.get(2).eventTime()).isEqualTo(Instant.ofEpochMilli(1767607202000L));
        assertThat(sink.ticks.get(1).price()).isEqualTo(3000.25);
        assertThat(sink.ticks).allMatch(t -> t.source().equals("replay") && t.runId() == null);
        assertThat(sink.ticks.getFirst().tradeId()).isEqualTo("trades.csv:2");
    }

    @Test
    void readsAHeaderlessCsvByPosition() throws Exception {
        Path file = csv("plain.csv",
                "2026-01-05T10:00:00Z,BTC/USD,90000,0.5",
                "2026-01-05T10:00:01Z,BTC/USD,90001,0.25,PRICE_SPIKE");
        RecordingReplaySink sink = replay(file, ReplaySpeed.MAX, new VirtualPacer());
        assertThat(sink.ticks).extracting(Tick::price).containsExactly(90000.0, 90001.0);
        assertThat(sink.labels).extracting(AnomalyLabel::kind).containsExactly(AlertType.PRICE_SPIKE);
    }

    @Test
    void badRowsAreReportedWithTheirLineNumberAndSkipped() throws Exception {
        Path file = csv("bad.csv",
                "timestamp,symbol,price,size,label",
                "2026-01-05T10:00:00Z,BTC/USD,90000,0.5,",
                "yesterday,BTC/USD,90000,0.5,",
                "",
                "2026-01-05T10:00:02Z,BTC/USD,abc,0.5,",
                "2026-01-05T10:00:03Z,BTC/USD,90000",
                "# a comment",
                "2026-01-05T10:00:04Z,BTC/USD,-1,0.5,",
                "2026-01-05T10:00:05Z,NOT A PAIR,90000,0.5,",
                "2026-01-05T10:00:06Z,BTC/USD,90000,0.5,MOON",
                "2026-01-05T10:00:07Z,BTC/USD,90002,0.5,");
        RecordingReplaySink sink = new RecordingReplaySink();
        ReplaySummary summary = new FileReplayer(ReplaySpeed.MAX, new VirtualPacer()).replay(file, sink);

        assertThat(sink.badRows).extracting(r -> r.substring(0, r.indexOf(':')))
                .containsExactly("3", "5", "6", "8", "9", "10");
        assertThat(sink.badRows.getFirst()).contains("yesterday");
        assertThat(sink.badRows.get(5)).contains("MOON");
        assertThat(summary.read()).isEqualTo(8);
        assertThat(summary.skipped()).isEqualTo(6);
        assertThat(summary.published()).isEqualTo(2);
        assertThat(sink.ticks).extracting(Tick::price).containsExactly(90000.0, 90002.0);
    }

    @Test
    void consecutiveLabelledRowsOfASymbolBecomeOneGroundTruthEpisode() throws Exception {
        Path file = csv("labelled.csv",
                "timestamp,symbol,price,size,label",
                "2026-01-05T10:00:00Z,BTC/USD,90000,0.5,",
                "2026-01-05T10:00:01Z,BTC/USD,91000,0.5,PRICE_SPIKE",
                "2026-01-05T10:00:02Z,ETH/USD,3000,9,VOLUME_ANOMALY",
                "2026-01-05T10:00:03Z,BTC/USD,91005,0.5,price_spike",
                "2026-01-05T10:00:04Z,BTC/USD,91004,0.5,",
                "2026-01-05T10:00:05Z,ETH/USD,3001,9,VOLUME_ANOMALY");
        RecordingReplaySink sink = replay(file, ReplaySpeed.MAX, new VirtualPacer());
        assertThat(sink.labels).hasSize(2);
        AnomalyLabel spike = sink.labels.getFirst();
        assertThat(spike.symbol()).isEqualTo("BTC/USD");
        assertThat(spike.kind()).isEqualTo(AlertType.PRICE_SPIKE);
        assertThat(spike.start()).isEqualTo(Instant.parse("2026-01-05T10:00:01Z"));
        assertThat(spike.end()).isEqualTo(Instant.parse("2026-01-05T10:00:03Z"));
        AnomalyLabel volume = sink.labels.get(1);
        assertThat(volume.kind()).isEqualTo(AlertType.VOLUME_ANOMALY);
        assertThat(volume.start()).isEqualTo(Instant.parse("2026-01-05T10:00:02Z"));
        assertThat(volume.end()).isEqualTo(Instant.parse("2026-01-05T10:00:05Z"));
    }

    @Test
    void realTimeSpeedWaitsAsLongAsTheMarketDid() throws Exception {
        Path file = csv("paced.csv",
                "2026-01-05T10:00:00Z,BTC/USD,90000,0.5",
                "2026-01-05T10:00:10Z,BTC/USD,90001,0.5",
                "2026-01-05T10:00:30Z,BTC/USD,90002,0.5");
        VirtualPacer realTime = new VirtualPacer();
        replay(file, ReplaySpeed.parse("1"), realTime);
        assertThat(realTime.waitedUntil).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(30));

        VirtualPacer tenTimes = new VirtualPacer();
        replay(file, ReplaySpeed.parse("10x"), tenTimes);
        assertThat(tenTimes.waitedUntil).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(3));

        VirtualPacer unpaced = new VirtualPacer();
        RecordingReplaySink sink = replay(file, ReplaySpeed.parse("max"), unpaced);
        assertThat(unpaced.waitedUntil).isEmpty();
        assertThat(sink.ticks).hasSize(3);
    }

    @Test
    void speedIsParsedFromOneNOrMax() {
        assertThat(ReplaySpeed.parse("1").factor()).isEqualTo(1.0);
        assertThat(ReplaySpeed.parse("25").factor()).isEqualTo(25.0);
        assertThat(ReplaySpeed.parse("0.5").factor()).isEqualTo(0.5);
        assertThat(ReplaySpeed.parse("MAX").unpaced()).isTrue();
        assertThat(ReplaySpeed.parse("").factor()).isEqualTo(1.0);
        assertThatThrownBy(() -> ReplaySpeed.parse("fast")).hasMessageContaining("MARKETPULSE_REPLAY_SPEED");
        assertThatThrownBy(() -> ReplaySpeed.parse("-2")).hasMessageContaining("positive");
    }

    @Test
    void readsAParquetTradesFileWithMicrosecondTimestampsAndLabels() throws Exception {
        MessageType schema = Types.buildMessage()
                .required(INT64).as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                .named("timestamp")
                .required(BINARY).as(LogicalTypeAnnotation.stringType()).named("symbol")
                .required(DOUBLE).named("price")
                .required(DOUBLE).named("size")
                .optional(BINARY).as(LogicalTypeAnnotation.stringType()).named("label")
                .named("trade");
        Path file = dir.resolve("trades.parquet");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .build()) {
            writer.write(groups.newGroup().append("timestamp", 1_767_607_200_000_001L).append("symbol", "BTC/USD")
                    .append("price", 90_000.5).append("size", 0.01));
            writer.write(groups.newGroup().append("timestamp", 1_767_607_201_000_000L).append("symbol", "BTC/USD")
                    .append("price", -5.0).append("size", 0.01));
            writer.write(groups.newGroup().append("timestamp", 1_767_607_202_000_000L).append("symbol", "ETH/USD")
                    .append("price", 3_000.0).append("size", 2.0).append("label", "VOLATILITY_BURST"));
        }
        RecordingReplaySink sink = new RecordingReplaySink();
        ReplaySummary summary = new FileReplayer(ReplaySpeed.MAX, new VirtualPacer()).replay(file, sink);

        assertThat(summary.read()).isEqualTo(3);
        assertThat(summary.skipped()).isEqualTo(1);
        assertThat(sink.badRows).singleElement().asString().startsWith("2: ");
        assertThat(sink.ticks).extracting(Tick::symbol).containsExactly("BTC/USD", "ETH/USD");
        assertThat(sink.ticks.getFirst().eventTime()).isEqualTo(Instant.parse("2026-01-05T10:00:00.000001Z"));
        assertThat(sink.labels).extracting(AnomalyLabel::kind).containsExactly(AlertType.VOLATILITY_BURST);
    }

    @Test
    void readsTheTickArchiveSchemaWithNanosecondEventTimes() throws Exception {
        MessageType schema = Types.buildMessage()
                .required(BINARY).as(LogicalTypeAnnotation.stringType()).named("event_id")
                .required(BINARY).as(LogicalTypeAnnotation.stringType()).named("symbol")
                .required(INT64).as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.NANOS))
                .named("event_time")
                .required(DOUBLE).named("price")
                .required(DOUBLE).named("size")
                .optional(BINARY).as(LogicalTypeAnnotation.stringType()).named("trade_id")
                .optional(BINARY).as(LogicalTypeAnnotation.stringType()).named("taker_side")
                .named("tick");
        Path file = dir.resolve("part-0.parquet");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .build()) {
            writer.write(new SimpleGroupFactory(schema).newGroup().append("event_id", "alpaca:BTC/USD:42")
                    .append("symbol", "BTC/USD").append("event_time", 1_767_607_200_123_456_789L)
                    .append("price", 90_000.5).append("size", 0.01).append("trade_id", "42").append("taker_side", "S"));
        }
        RecordingReplaySink sink = replay(file, ReplaySpeed.MAX, new VirtualPacer());
        Tick tick = sink.ticks.getFirst();
        assertThat(tick.eventTime()).isEqualTo(Instant.parse("2026-01-05T10:00:00.123456789Z"));
        assertThat(tick.tradeId()).isEqualTo("42");
        assertThat(tick.takerSide()).isEqualTo("S");
    }

    @Test
    void aCsvHeaderWithoutARequiredColumnIsRejectedClearly() throws Exception {
        Path file = csv("nosize.csv", "timestamp,symbol,price", "2026-01-05T10:00:00Z,BTC/USD,1");
        assertThatThrownBy(() -> replay(file, ReplaySpeed.MAX, new VirtualPacer())).hasMessageContaining("size");
    }

    @Test
    void splitsQuotedCsvFields() {
        assertThat(CsvTradeFile.split("\"2026-01-05T10:00:00Z\",\"BTC/USD\",1,\"a \"\"b\"\"\""))
                .isEqualTo(List.of("2026-01-05T10:00:00Z", "BTC/USD", "1", "a \"b\""));
    }
}
