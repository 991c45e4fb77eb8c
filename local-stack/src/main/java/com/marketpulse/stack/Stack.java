package com.marketpulse.stack;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import com.marketpulse.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running local stack: a Kafka broker, a PostgreSQL server and the services started on them. Closing it
 * stops everything in reverse order, services first, so no process is left holding a port.
 */
final class Stack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Stack.class);
    private static final List<String> MARKET_TOPICS = List.of(Topics.MARKET_CRYPTO, Topics.MARKET_CRYPTO_REPLAY,
            Topics.MARKET_FEATURES, Topics.MARKET_BARS, Topics.MARKET_ALERTS, Topics.MARKET_LABELS);
    private static final int PARTITIONS = 3;

    private final StackSettings settings;
    private final String databasePassword;
    private final Postgres postgres;
    private final KafkaBroker kafka;
    private final List<ServiceProcess> services = new ArrayList<>();

    private Stack(StackSettings settings, String databasePassword, Postgres postgres, KafkaBroker kafka) {
        this.settings = settings;
        this.databasePassword = databasePassword;
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /** Starts PostgreSQL and Kafka on the settings' ports and creates the market topics if they are missing. */
    static Stack startInfrastructure(StackSettings settings, String databasePassword)
            throws IOException, SQLException, InterruptedException {
        Postgres postgres = Postgres.start(settings.dataDirectory().resolve("postgres"), settings.postgresPort(),
                databasePassword);
        KafkaBroker kafka;
        try {
            kafka = KafkaBroker.start(settings.dataDirectory().resolve("kafka"), settings.kafkaPort());
        } catch (RuntimeException | IOException e) {
            postgres.close();
            throw e;
        }
        Stack stack = new Stack(settings, databasePassword, postgres, kafka);
        stack.createTopics();
        return stack;
    }

    /** Starts every service at once (they start faster in parallel) and waits until all report healthy. */
    void startServices(List<Service> toStart, Map<String, String> overrides, Duration timeout)
            throws IOException, InterruptedException {
        List<ServiceProcess> started = new ArrayList<>();
        for (Service service : toStart) {
            started.add(startService(service, overrides));
        }
        for (ServiceProcess process : started) {
            process.awaitHealthy(timeout);
        }
    }

    ServiceProcess startService(Service service, Map<String, String> overrides) throws IOException {
        Map<String, String> environment = new HashMap<>(environmentFor(service));
        environment.putAll(overrides);
        ServiceProcess process = ServiceProcess.start(service.module(), service.jar(settings.root()), settings.port(service),
                settings.root(), environment, settings.dataDirectory().resolve("logs"), settings.logsToConsole());
        services.add(process);
        return process;
    }

    /** What every service is told about where things are; anything already set in the environment wins. */
    Map<String, String> environmentFor(Service service) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("MARKETPULSE_DATA_DIR", settings.dataDirectory().toString());
        env.put("MARKETPULSE_CONFIG", settings.root().resolve("config/marketpulse.yml").toString());
        env.put("MARKETPULSE_ARCHIVE_DIR", settings.dataDirectory().resolve("archive").toString());
        if (service.usesDatabase()) {
            env.put("SPRING_DATASOURCE_URL", settings.jdbcUrl());
            env.put("SPRING_DATASOURCE_USERNAME", StackSettings.DATABASE_USER);
            env.put("SPRING_DATASOURCE_PASSWORD", databasePassword);
            env.put("MARKETPULSE_DB_PASSWORD", databasePassword);
        }
        if (service == Service.API) {
            env.put("MARKETPULSE_DEMO", System.getenv().getOrDefault("MARKETPULSE_DEMO", "true"));
            // GET /api/status probes each stage's health where this stack runs it
            env.put("INGESTION_SERVICE_URL", localUrl(Service.INGESTION));
            env.put("FEATURE_SERVICE_URL", localUrl(Service.FEATURE));
            env.put("DETECTION_SERVICE_URL", localUrl(Service.DETECTION));
            env.put("DASHBOARD_SERVICE_URL", localUrl(Service.DASHBOARD));
        }
        if (service == Service.DASHBOARD) {
            env.put("MARKETPULSE_API_URL", "http://localhost:" + settings.port(Service.API));
        }
        return env;
    }

    private String localUrl(Service service) {
        return "http://localhost:" + settings.port(service);
    }

    String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    /** Stops the named services (and forgets them), leaving the infrastructure running. */
    void stopServices() throws InterruptedException {
        services.forEach(ServiceProcess::requestStop);
        for (ServiceProcess process : services.reversed()) {
            process.close();
        }
        services.clear();
    }

    @Override
    public void close() throws Exception {
        try {
            stopServices();
        } finally {
            try {
                kafka.close();
            } finally {
                postgres.close();
            }
        }
    }

    private void createTopics() throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = MARKET_TOPICS.stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, PARTITIONS, (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
                log.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create the market topics", e.getCause());
        }
    }
}
