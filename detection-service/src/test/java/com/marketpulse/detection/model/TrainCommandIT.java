package com.marketpulse.detection.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.detection.DetectionApplication;
import com.marketpulse.detection.archive.TickArchive;
import com.marketpulse.events.Tick;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
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

/** The {@code train} command as the README runs it: its own database, an archive, no Kafka broker at all. */
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

    private int train() {
        var context = DetectionApplication.trainCommand().run(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.kafka.bootstrap-servers=localhost:1",
                "--marketpulse.detection.archive.directory=" + archive);
        return SpringApplication.exit(context);
    }

    @Test
    void exitsWithNotEnoughHistoryOnAnEmptyArchiveAndStoresAModelOnceTicksAreArchived() {
        assertThat(train()).isEqualTo(TrainCommand.NOT_ENOUGH_HISTORY);

        archiveRandomWalk(1500);

        assertThat(train()).isZero();
        var jdbc = JdbcClient.create(postgres.getPostgresDatabase());
        assertThat(jdbc.sql("SELECT source FROM detection.models").query(String.class).list())
                .containsExactly("archive");
    }

    private void archiveRandomWalk(int count) {
        var ticks = new TickArchive(archive, 1_000_000, Duration.ofHours(1), Clock.systemUTC());
        var random = new SplittableRandom(3);
        double price = 2.5;
        for (int i = 0; i < count; i++) {
            price *= Math.exp(0.002 * random.nextGaussian());
            ticks.append(0, i, Tick.live("simulator", "simulator", "XRP/USD", Instant.parse("2026-11-21T00:00:00Z").plusSeconds(i),
                    price, Math.exp(random.nextGaussian()), "x" + i, null));
        }
        ticks.seal(0);
    }
}
