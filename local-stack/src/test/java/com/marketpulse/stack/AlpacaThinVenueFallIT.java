package com.marketpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marketpulse.ingestion.alpaca.FakeAlpacaServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The acceptance test on the real stack, with every part real except Alpaca: the stack's Kafka broker and
 * PostgreSQL, and ingestion-service, feature-service and detection-service as the jars the run command starts.
 * Ingestion is pointed at a fake Alpaca speaking the documented crypto protocol ({@code ALPACA_*} environment,
 * venue {@code us}) that serves a thin venue: 24 hours of REST minute bars (the seed), then on the stream, as fast as
 * the client takes them, a calm hour of quotes, bars and trades and a fall of 6 % in 4 minutes, starting at a random
 * second, with no trade during it ({@link ThinVenueFall}). The alerts are read from {@code detection.alerts}.
 * The services' logs are under target/alpaca-e2e-&lt;time&gt;/logs/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlpacaThinVenueFallIT {

    private static final Logger log = LoggerFactory.getLogger(AlpacaThinVenueFallIT.class);
    private static final String SYMBOL = "BTC/USD";
    private static final String DB_PASSWORD = "alpaca-e2e-secret";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration ALERT_TIMEOUT = Duration.ofSeconds(90);

    private final Path data = Path.of("target", "alpaca-e2e-" + System.currentTimeMillis()).toAbsolutePath();
    private ThinVenueFall market;
    private FakeAlpacaServer alpaca;
    private StackSettings settings;
    private Stack stack;

    record StoredAlert(String type, String direction, Instant eventTime, String explanation) {
    }

    @BeforeAll
    void startTheStackOnAFakeAlpaca() throws Exception {
        Instant now = Instant.now();
        int fallSecond = ThreadLocalRandom.current().nextInt(60);
        // the simulated day is made while PostgreSQL and Kafka start
        CompletableFuture<ThinVenueFall> simulated =
                CompletableFuture.supplyAsync(() -> ThinVenueFall.before(now, SYMBOL, fallSecond, 11));
        settings = FreePorts.settings(data);
        stack = Stack.startInfrastructure(settings, DB_PASSWORD);
        market = simulated.join();
        log.info("Calm from {}, fall of −6 % from {} ({} trades streamed, {} dropped during the fall)",
                market.calmFrom(), market.fall(), market.streamedTrades(), market.dropped());
        alpaca = FakeAlpacaServer.started();
        alpaca.closeBarsUnseen(market.restBars().toArray(FakeAlpacaServer.Bar[]::new));
        alpaca.executeUnseen(market.trades().toArray(FakeAlpacaServer.Trade[]::new));
        alpaca.afterSubscribe = connection -> connection == 0 ? market.streamFrames() : List.of();
        stack.startServices(List.of(Service.DETECTION, Service.FEATURE, Service.INGESTION), Map.of(
                "MARKETPULSE_SYMBOLS", SYMBOL,
                "MARKETPULSE_SOURCE", "alpaca",
                "ALPACA_API_KEY", FakeAlpacaServer.KEY,
                "ALPACA_SECRET_KEY", FakeAlpacaServer.SECRET,
                "ALPACA_LOCATION", "us",
                "ALPACA_STREAM_URL", alpaca.streamUrl(),
                "ALPACA_DATA_URL", alpaca.dataUrl()), START_TIMEOUT);
    }

    @AfterAll
    void stopTheStack() throws Exception {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            if (alpaca != null) {
                alpaca.close();
            }
        }
    }

    @Test
    void staysQuietThroughTheCalmHourAndRaisesAPriceSpikeWithinTwoMinutesOfAFallWithoutTrades() {
        assertThat(market.streamedTrades()).as("trades in the streamed hour (a thin venue still trades)").isPositive();

        StoredAlert spike = await("a PRICE_SPIKE of BTC/USD at or after the fall's start " + market.fall())
                .atMost(ALERT_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .until(() -> alerts().stream()
                        .filter(a -> a.type().equals("PRICE_SPIKE") && !a.eventTime().isBefore(market.fall()))
                        .findFirst().orElse(null), a -> a != null);

        log.info("{} after the fall's start: {}", Duration.between(market.fall(), spike.eventTime()), spike);

        // the spike is stored only once the pipeline is past the calm hour: its silence there is now meaningful
        List<StoredAlert> calm = alerts().stream()
                .filter(a -> !a.eventTime().isBefore(market.calmFrom()) && a.eventTime().isBefore(market.fall()))
                .toList();
        assertThat(calm).as("alerts during the calm hour from %s", market.calmFrom()).isEmpty();
        assertThat(Duration.between(market.fall(), spike.eventTime())).as("delay after the fall's start %s, %s",
                market.fall(), spike).isLessThanOrEqualTo(Duration.ofMinutes(2));
        assertThat(spike.direction()).isEqualTo("DOWN");
        assertThat(spike.explanation()).matches("BTC/USD −\\d+\\.\\d % in \\d+ min \\(−\\$[\\d,]+\\), .*");
    }

    /** The live alerts of the symbol, oldest first; none while detection-service has not migrated its schema yet. */
    private List<StoredAlert> alerts() {
        List<StoredAlert> alerts = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), StackSettings.DATABASE_USER,
                DB_PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT type, direction, event_time, explanation FROM detection.alerts
                     WHERE symbol = 'BTC/USD' AND run_id IS NULL ORDER BY event_time""")) {
            while (rows.next()) {
                alerts.add(new StoredAlert(rows.getString("type"), rows.getString("direction"),
                        rows.getTimestamp("event_time").toInstant(), rows.getString("explanation")));
            }
        } catch (SQLException e) {
            return List.of();
        }
        return alerts;
    }
}
