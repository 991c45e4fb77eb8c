package com.marketpulse.stack;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import com.marketpulse.settings.CreateTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running local stack: a Kafka broker, a PostgreSQL server and the services started on them. Closing it
 * stops everything in reverse order, services first, so no process is left holding a port.
 */
final class Stack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Stack.class);

    private final StackSettings settings;
    private final String databasePassword;
    private final Postgres postgres;
    private final KafkaBroker kafka;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private final Map<Service, Map<String, String>> overridesOf = new ConcurrentHashMap<>();
    /** Shared by the dashboard and the API only, so the API's sign-in throttle sees each browser. */
    private final String clientAddressSecret = ClientAddressSecret.from(System.getenv());
    private final DeliveryKeyFiles deliveryKeys;

    private Stack(StackSettings settings, String databasePassword, Postgres postgres, KafkaBroker kafka)
            throws IOException {
        this.settings = settings;
        this.databasePassword = databasePassword;
        this.postgres = postgres;
        this.kafka = kafka;
        this.deliveryKeys = DeliveryKeyFiles.under(settings.dataDirectory());
    }

    /**
     * Starts PostgreSQL and Kafka on the settings' ports and creates the catalogue's topics that are missing, with the
     * partitions and replication factor of the shared settings (defaults, {@code config/marketpulse.yml}, environment:
     * what the services read).
     */
    static Stack startInfrastructure(StackSettings settings, String databasePassword)
            throws IOException, SQLException, InterruptedException {
        Postgres postgres = Postgres.start(settings.dataDirectory().resolve("postgres"), settings.postgresPort(),
                databasePassword);
        KafkaBroker kafka;
        try {
            kafka = KafkaBroker.start(settings.dataDirectory().resolve("kafka"), settings.dataDirectory().resolve("logs"),
                    settings.kafkaPort(), settings.shared().kafka().partitions());
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
        overridesOf.put(service, Map.copyOf(overrides));
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
        env.put("MARKETPULSE_CONFIG", settings.configFile().toString());
        env.put("MARKETPULSE_ARCHIVE_DIR", settings.dataDirectory().resolve("archive").toString());
        service.databaseRole().ifPresent(role -> {
            env.put("SPRING_DATASOURCE_URL", settings.jdbcUrl());
            env.put("SPRING_DATASOURCE_USERNAME", role);
            env.put("SPRING_DATASOURCE_PASSWORD", databasePassword);
            env.put("MARKETPULSE_DB_PASSWORD", databasePassword);
        });
        if (service == Service.API || service == Service.DASHBOARD) {
            env.put(ClientAddressSecret.VARIABLE, clientAddressSecret);
        }
        if (service == Service.API) {
            env.put("MARKETPULSE_DEMO", System.getenv().getOrDefault("MARKETPULSE_DEMO", "true"));
            // GET /api/status probes each stage's health where this stack runs it
            env.put("INGESTION_SERVICE_URL", localUrl(Service.INGESTION));
            env.put("FEATURE_SERVICE_URL", localUrl(Service.FEATURE));
            env.put("DETECTION_SERVICE_URL", localUrl(Service.DETECTION));
            env.put("DASHBOARD_SERVICE_URL", localUrl(Service.DASHBOARD));
            env.put("DELIVERY_SERVICE_URL", localUrl(Service.DELIVERY));
            env.put("MARKETPULSE_DELIVERY_PUBLIC_KEY_FILE", deliveryKeys.publicKey().toString());
        }
        if (service == Service.DELIVERY) {
            env.put("MARKETPULSE_DELIVERY_PRIVATE_KEY_FILE", deliveryKeys.privateKey().toString());
            // the local stack is where a webhook receiver on this machine is tried out (never the default)
            env.put("MARKETPULSE_DELIVERY_ALLOW_LOOPBACK", "true");
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

    /** Stops every service (and forgets them) at once, leaving the infrastructure running. */
    void stopServices() throws InterruptedException {
        services.forEach(ServiceProcess::requestStop);
        Instant deadline = Instant.now().plus(ServiceProcess.STOP_GRACE);
        for (ServiceProcess process : services.reversed()) {
            process.stopBy(deadline);
        }
        services.clear();
    }

    /** Stops one running service as Ctrl-C would (SIGTERM, killed after the grace time), and forgets it. */
    void stopService(Service service) throws InterruptedException {
        ServiceProcess process = running(service);
        process.close();
        services.remove(process);
    }

    /** Kills a running service at once (SIGKILL), as a crash would, and forgets it. */
    void killService(Service service) throws InterruptedException {
        ServiceProcess process = running(service);
        process.kill();
        services.remove(process);
    }

    /** Starts a service again with the overrides it was first started with, and waits until it is healthy. */
    void restartService(Service service, Duration timeout) throws IOException, InterruptedException {
        startService(service, overridesOf.getOrDefault(service, Map.of())).awaitHealthy(timeout);
    }

    ServiceProcess running(Service service) {
        return services.stream().filter(p -> p.name().equals(service.module())).findFirst()
                .orElseThrow(() -> new IllegalStateException(service.module() + " is not running"));
    }

    /** Every process of the stack's own: services, the broker, the postmaster. */
    List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>(services.stream().map(ServiceProcess::handle).toList());
        all.add(kafka.process());
        postgres.postmaster().ifPresent(all::add);
        return all;
    }

    KafkaBroker kafka() {
        return kafka;
    }

    Postgres postgres() {
        return postgres;
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
        try {
            List<String> created = CreateTopics.createMissing(kafka.bootstrapServers(), settings.shared().kafka());
            if (!created.isEmpty()) {
                log.info("Created topics {}", created);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create the market topics", e.getCause());
        }
    }
}
