package com.marketpulse.detection.model;


import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.detection.DetectionApplication;
import com.marketpulse.detection.archive.TickArchive;
import com.marketpulse.events.Tick;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code train} command as the README runs it: its own database, an archive or a candle file, no Kafka broker
 * at all.
 */
class TrainCommandIT {

    private static EmbeddedPostgres postgres;

    @TempDir
    Path archive;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    private int train(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.kafka.bootstrap-servers=localhost:1",
                "--marketpulse.archive.directory=" + archive));
        args.addAll(List.of(more));
        var context = DetectionApplication.trainCommand().run(args.toArray(String[]::new));
        return SpringApplication.exit(context);
    }

    @Test
    void exitsWithNotEnoughHistoryOnAnEmptyArchiveAndStoresAModelOnceTicksAreArchived() {
        assertThat(train()).isEqualTo(TrainCommand.NOT_ENOUGH_HISTORY);

        archiveRandomWalk(3_600);

        assertThat(train()).isZero();
        assertThat(jdbc().sql("SELECT source FROM detection.models").query(String.class).list())
                .contains("archive");
    }

    @Test
    void trainsFromACandleFileOfOneSymbol() throws IOException {
        Path candles = archive.resolve("DOTUSDT-1m-2024-08.csv");
        var random = new SplittableRandom(9);
        double price = 5;
        StringBuilder csv = new StringBuilder();
        long open = Instant.parse("2024-08-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 24 * 60; i++, open += 60_000) {
            double close = price * Math.exp(0.001 * random.nextGaussian());
            double high = Math.max(price, close) * 1.0005;
            double low = Math.min(price, close) * 0.9995;
            double volume = 1_000 * Math.exp(random.nextGaussian());
            csv.append(open).append(',').append(price).append(',').append(high).append(',').append(low).append(',')
                    .append(close).append(',').append(volume).append(',').append(open + 59_999).append(',')
                    .append(volume * close).append(",10,0,0,0\n");
            price = close;
        }
        csv.append("not,a,candle\n");
        Files.writeString(candles, csv);

        assertThat(train("--candles", candles.toString(), "--symbol", "DOT/USD")).isZero();

        assertThat(jdbc().sql("SELECT notes FROM detection.models ORDER BY version DESC LIMIT 1").query(String.class)
                .single()).contains("1440 candles of DOT/USD", "1 bad rows");
        assertThat(train("--candles", candles.toString())).as("no symbol").isEqualTo(TrainCommand.BAD_ARGUMENTS);
    }

    private static JdbcClient jdbc() {
        return JdbcClient.create(postgres.getPostgresDatabase());
    }

    private void archiveRandomWalk(int count) {
        var ticks = new TickArchive(archive, 1_000_000, Duration.ofHours(1), Clock.systemUTC());
        var random = new SplittableRandom(3);
        double price = 2.5;
        for (int i = 0; i < count; i++) {
            price *= Math.exp(0.002 * random.nextGaussian());
            ticks.append(0, i, Tick.live("simulator", "simulator", "XRP/USD", Instant.parse("2026-11-21T00:00:00Z").plusSeconds(5L * i),
                    price, Math.exp(random.nextGaussian()), "x" + i, null));
        }
        ticks.seal(0);
    }
}
