package com.marketpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole path, with every part real: the stack's own Kafka broker and PostgreSQL, and feature-service,
 * detection-service and api-service running as the same jars the run command starts. A price spike published
 * to market.crypto must come out as an alert row in PostgreSQL and from GET /api/alerts — and still be there
 * after the whole stack is stopped and started again on the same data directory.
 */
class PipelineEndToEndIT {

    private static final String SYMBOL = "BTC/USD";
    private static final String PASSWORD = "e2e-secret";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();

    /** Under target/, not a temporary directory, so the services' logs are there to read when this fails. */
    private final Path data = Path.of("target", "e2e-" + System.currentTimeMillis()).toAbsolutePath();

    private Stack stack;

    @AfterEach
    void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void spikeTickBecomesAnAlertInPostgresAndTheApiAndSurvivesARestart() throws Exception {
        StackSettings settings = settingsWithFreePorts();
        stack = Stack.startInfrastructure(settings, PASSWORD);
        stack.startServices(List.of(Service.DETECTION, Service.FEATURE, Service.API), Map.of(), START_TIMEOUT);

        Instant spikeTime = publishCalmMarketThenSpike(stack.kafkaBootstrap());

        String alertId = await("a PRICE_SPIKE alert row for the spike").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> priceSpikeAlertId(settings, spikeTime), id -> id != null);
        assertThat(alertIdsFromApi(settings)).contains(alertId);

        stack.close();
        stack = Stack.startInfrastructure(settings, PASSWORD);
        stack.startServices(List.of(Service.DETECTION, Service.API), Map.of(), START_TIMEOUT);

        assertThat(alertIdsFromApi(settings)).as("alerts of the first run after a restart").contains(alertId);
    }

    /** Two hundred quiet BTC trades a quarter second apart, then one trade 6% above the market. */
    private static Instant publishCalmMarketThenSpike(String bootstrap) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        Random random = new Random(7);
        Instant time = Instant.now().minusSeconds(120);
        double price = 90_000;
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 200; i++) {
                time = time.plusMillis(250);
                price *= 1 + random.nextGaussian() * 0.0002;
                send(producer, Tick.live("e2e", SYMBOL, time, round(price), 0.01 + random.nextDouble() * 0.05,
                        "t" + i, "B"));
            }
            Instant spikeTime = time.plusMillis(250);
            send(producer, Tick.live("e2e", SYMBOL, spikeTime, round(price * 1.06), 0.03, "spike", "B"));
            producer.flush();
            return spikeTime;
        }
    }

    private static void send(KafkaProducer<String, String> producer, Tick tick) throws Exception {
        producer.send(new ProducerRecord<>(Topics.MARKET_CRYPTO, tick.symbol(), json.writeValueAsString(tick))).get();
    }

    private static double round(double price) {
        return Math.round(price * 100) / 100.0;
    }

    private static String priceSpikeAlertId(StackSettings settings, Instant spikeTime) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), StackSettings.DATABASE_USER, PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT alert_id, event_time FROM detection.alerts
                     WHERE symbol = 'BTC/USD' AND type = 'PRICE_SPIKE' AND direction = 'UP' AND run_id IS NULL""")) {
            while (rows.next()) {
                Instant eventTime = rows.getTimestamp("event_time").toInstant();
                if (!eventTime.isBefore(spikeTime.minusMillis(1))) {
                    return rows.getString("alert_id");
                }
            }
            return null;
        } catch (SQLException e) {
            return null; // the schema appears when detection-service has migrated it
        }
    }

    private static List<String> alertIdsFromApi(StackSettings settings) throws IOException, InterruptedException {
        URI uri = URI.create("http://localhost:" + settings.port(Service.API) + "/api/alerts?symbol=BTC-USD&limit=100");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode item : json.readTree(response.body()).path("items")) {
            ids.add(item.path("id").asString());
        }
        return ids;
    }

    private StackSettings settingsWithFreePorts() throws IOException {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, freePort());
        }
        int kafkaPort = freePort();
        while (!isFree(kafkaPort + 1)) {
            kafkaPort = freePort();
        }
        Path root = Path.of(System.getProperty("marketpulse.root", "..")).toAbsolutePath().normalize();
        return new StackSettings(root, data, kafkaPort, freePort(), false, ports);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
