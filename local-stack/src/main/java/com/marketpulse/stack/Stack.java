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
    private final Map<String, Map<String, String>> overridesOf = new ConcurrentHashMap<>();
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

    /**
     * Starts every instance of every service at once (they start faster in parallel) and waits until all report
     * healthy.
     */
    void startServices(List<Service> toStart, Map<String, String> overrides, Duration timeout)
            throws IOException, InterruptedException {
        List<ServiceProcess> started = new ArrayList<>();
        for (Service service : toStart) {
            for (Instance instance : settings.instances(service)) {
                started.add(startInstance(instance, overrides));
            }
        }
        for (ServiceProcess process : started) {
            process.awaitHealthy(timeout);
        }
    }

    /** Starts the service's first instance. */
    ServiceProcess startService(Service service, Map<String, String> overrides) throws IOException {
        return startInstance(settings.instances(service).getFirst(), overrides);
    }

    ServiceProcess startInstance(Instance instance, Map<String, String> overrides) throws IOException {
        overridesOf.put(instance.name(), Map.copyOf(overrides));
        Map<String, String> environment = new HashMap<>(environmentFor(instance));
        environment.putAll(overrides);
        ServiceProcess process = ServiceProcess.start(instance.name(), instance.service().jar(settings.root()),
                instance.port(), settings.root(), environment, settings.dataDirectory().resolve("logs"),
                settings.logsToConsole());
        services.add(process);
        return process;
    }

    /** What every service is told about where things are; anything already set in the environment wins. */
    Map<String, String> environmentFor(Service service) {
        return environmentFor(settings.instances(service).getFirst());
    }

    Map<String, String> environmentFor(Instance instance) {
        Service service = instance.service();
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("MARKETPULSE_DATA_DIR", settings.dataDirectory().toString());
        env.put("MARKETPULSE_CONFIG", settings.configFile().toString());
        env.put("MARKETPULSE_ARCHIVE_DIR", settings.dataDirectory().resolve("archive").toString());
        if (StackSettings.SCALABLE.contains(service)) {
            // names the instance's Kafka clients, so /api/status can say which instance owns which partitions
            env.put("SPRING_KAFKA_CLIENT_ID", instance.name());
        }
        if (service == Service.FEATURE && instance.number() > 1) {
            // Kafka Streams locks its state directory: each instance keeps its stores (and standbys) in its own
            env.put("SPRING_KAFKA_STREAMS_STATE_DIR",
                    settings.dataDirectory().resolve(instance.name()).resolve("streams").toString());
        }
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
            // GET /api/status probes each stage's health where this stack runs it (every instance's)
            env.put("INGESTION_SERVICE_URL", localUrls(Service.INGESTION));
            env.put("FEATURE_SERVICE_URL", localUrls(Service.FEATURE));
            env.put("DETECTION_SERVICE_URL", localUrls(Service.DETECTION));
            env.put("DASHBOARD_SERVICE_URL", localUrls(Service.DASHBOARD));
            env.put("DELIVERY_SERVICE_URL", localUrls(Service.DELIVERY));
            env.put("MARKETPULSE_DELIVERY_PUBLIC_KEY_FILE", deliveryKeys.publicKey().toString());
        }
        if (service == Service.DELIVERY) {
            env.put("MARKETPULSE_DELIVERY_PRIVATE_KEY_FILE", deliveryKeys.privateKey().toString());
            // the local stack is where a webhook receiver on this machine is tried out (never the default)
            env.put("MARKETPULSE_DELIVERY_ALLOW_LOOPBACK", "true");
            // email confirmation links point at this stack's API; SMTP settings (MARKETPULSE_DELIVERY_EMAIL_*) pass
            // through from the launcher's environment, and without them email is off (delivery-service logs it)
            env.put("MARKETPULSE_PUBLIC_URL", System.getenv().getOrDefault("MARKETPULSE_PUBLIC_URL",
                    "http://localhost:" + settings.port(Service.API)));
        }
        if (service == Service.DASHBOARD) {
            env.put("MARKETPULSE_API_URL", "http://localhost:" + settings.port(Service.API));
        }
        return env;
    }

    /** The base URLs of the service's instances, comma-separated, the first instance first. */
    private String localUrls(Service service) {
        return String.join(",", settings.instances(service).stream().map(Instance::url).toList());
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

    /** Stops the service's first instance as Ctrl-C would (SIGTERM, killed after the grace time), and forgets it. */
    void stopService(Service service) throws InterruptedException {
        ServiceProcess process = running(service);
        process.close();
        services.remove(process);
    }

    /** Kills the service's first instance at once (SIGKILL), as a crash would, and forgets it. */
    void killService(Service service) throws InterruptedException {
        kill(settings.instances(service).getFirst());
    }

    /** Kills a running instance at once (SIGKILL), as a crash would, and forgets it. */
    void kill(Instance instance) throws InterruptedException {
        ServiceProcess process = running(instance);
        process.kill();
        services.remove(process);
    }

    /** Starts the service's first instance again with the overrides it was first started with; waits until healthy. */
    void restartService(Service service, Duration timeout) throws IOException, InterruptedException {
        restart(settings.instances(service).getFirst(), timeout);
    }

    /** Starts an instance again with the overrides it was first started with, and waits until it is healthy. */
    void restart(Instance instance, Duration timeout) throws IOException, InterruptedException {
        startInstance(instance, overridesOf.getOrDefault(instance.name(), Map.of())).awaitHealthy(timeout);
    }

    ServiceProcess running(Service service) {
        return running(settings.instances(service).getFirst());
    }

    ServiceProcess running(Instance instance) {
        return services.stream().filter(p -> p.name().equals(instance.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException(instance.name() + " is not running"));
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
