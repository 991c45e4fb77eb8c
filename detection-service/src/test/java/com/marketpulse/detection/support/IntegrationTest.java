package com.marketpulse.detection.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.marketpulse.events.Topics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service against a real embedded Kafka broker (KRaft) and a real PostgreSQL (zonky's embedded
 * binaries), both started by the test. Subclasses share one application context, broker and database.
 */
@SpringBootTest(properties = {
        "MARKETPULSE_CONFIG=../config/marketpulse.yml",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.consumer.properties.max.poll.interval.ms=60000",
        "marketpulse.detection.archive.max-file-age=2s",
        "marketpulse.detection.model.rows=512",
        "marketpulse.detection.model.trees=50",
        // every symbol the tests publish on live topics; others are refused (see InputPolicy)
        "marketpulse.symbols=BTC/USD,ETH/USD,SOL/USD,ADA/USD,AVAX/USD,DOT/USD,LTC/USD,XRP/USD,DOGE/USD,MAL/USD",
        // outages are waited out without a time limit; short waits keep the tests quick
        "marketpulse.detection.retry.initial-interval=100ms",
        "marketpulse.detection.retry.max-interval=500ms",
        // while the database is stopped (DatabaseOutageIT), a connection attempt fails fast: each one is a retry
        "spring.datasource.hikari.connection-timeout=3000",
        "server.port=0"})
@EmbeddedKafka(partitions = 1, topics = {Topics.MARKET_FEATURES, Topics.MARKET_BARS, Topics.MARKET_CRYPTO,
        Topics.MARKET_QUOTES, Topics.MARKET_SOURCE_BARS, Topics.MARKET_FEATURES_REPLAY, Topics.MARKET_BARS_REPLAY,
        Topics.MARKET_LABELS_REPLAY, Topics.BACKTEST_COMMANDS},
        brokerProperties = {"group.initial.rebalance.delay.ms=0",
                // one broker: feature-service's transactions (and the tests' own) need these at 1
                "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
public abstract class IntegrationTest {

    private static EmbeddedPostgres postgres;
    private static Path data;
    private static Path archive;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        startOnce();
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("marketpulse.archive.directory", archive::toString);
    }

    protected static Path archiveDirectory() {
        return archive;
    }

    /** Stops the database, runs {@code whileDown}, and starts it again on the same port over the same data. */
    protected static synchronized void withDatabaseStopped(Runnable whileDown) {
        int port = postgres.getPort();
        try {
            postgres.close();
            whileDown.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        } finally {
            try {
                postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                        .setPort(port).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL again", e);
            }
        }
    }

    private static synchronized void startOnce() {
        if (postgres != null) {
            return;
        }
        try {
            data = Files.createTempDirectory("marketpulse-db-it");
            postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
            archive = Files.createTempDirectory("marketpulse-archive-it");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

}
