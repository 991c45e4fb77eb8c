package com.marketpulse.stack;

import com.marketpulse.settings.MarketPulseSettings;
import com.marketpulse.settings.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the local stack puts things, read from the environment once at start.
 *
 * @param root          the MarketPulse checkout (services' jars under {@code <module>/target/}, config under {@code config/})
 * @param dataDirectory everything that survives a restart: Kafka logs, PostgreSQL cluster, Parquet archive, logs
 * @param kafkaPort     the broker's client port (the controller listens on the next port)
 * @param postgresPort  PostgreSQL's port
 * @param logsToConsole whether services log to this console instead of {@code data/logs/<service>.log}
 * @param servicePorts  the ports of each service, one per instance (the documented defaults, or free ports in tests)
 */
record StackSettings(Path root, Path dataDirectory, int kafkaPort, int postgresPort, boolean logsToConsole,
                     Map<Service, List<Integer>> servicePorts) {

    /**
     * The services that may run as several instances: they share their consumer groups (feature-service: its Kafka
     * Streams application id), so Kafka spreads the partitions over them; ingestion's extra instances are standbys
     * that take over the live source. The API and the dashboard run once.
     */
    static final Set<Service> SCALABLE = Set.of(Service.FEATURE, Service.DETECTION, Service.INGESTION);
    /** Instance n (from 1) of a service listens on its port + (n - 1) × this: feature-service 8082, 8182, 8282. */
    static final int INSTANCE_PORT_STEP = 100;
    private static final int MAX_INSTANCES = 9;

    StackSettings {
        servicePorts = Map.copyOf(servicePorts);
    }

    static final String DATABASE = "marketpulse";
    /** The role a test or an operator reads detection's tables with: the API's, which may only read them. */
    static final String DATABASE_USER = Service.API.databaseRole().orElseThrow();
    static final String DEFAULT_DATABASE_PASSWORD = "marketpulse";

    static StackSettings fromEnvironment(Map<String, String> env) {
        Path root = Path.of(env.getOrDefault("MARKETPULSE_HOME", ".")).toAbsolutePath().normalize();
        Path data = root.resolve(env.getOrDefault("MARKETPULSE_DATA_DIR", "data")).normalize();
        return new StackSettings(root, data,
                port(env, "MARKETPULSE_KAFKA_PORT", 9092),
                port(env, "MARKETPULSE_POSTGRES_PORT", 5432),
                "console".equalsIgnoreCase(env.getOrDefault("MARKETPULSE_STACK_LOGS", "files")),
                servicePorts(env));
    }

    /**
     * The documented ports, unless {@code MARKETPULSE_<SERVICE>_PORT} (e.g. {@code MARKETPULSE_API_PORT}) says
     * otherwise, one per instance ({@code MARKETPULSE_INSTANCES_<SERVICE>}, e.g. {@code MARKETPULSE_INSTANCES_FEATURE=2}).
     */
    private static Map<Service, List<Integer>> servicePorts(Map<String, String> env) {
        Map<Service, List<Integer>> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            int first = port(env, "MARKETPULSE_" + service.name() + "_PORT", service.defaultPort());
            int count = instances(env, service);
            List<Integer> each = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                each.add(first + n * INSTANCE_PORT_STEP);
            }
            ports.put(service, each);
        }
        return ports;
    }

    private static int instances(Map<String, String> env, Service service) {
        String name = "MARKETPULSE_INSTANCES_" + service.name();
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return 1;
        }
        if (!SCALABLE.contains(service)) {
            throw new IllegalArgumentException(name + ": only feature, detection and ingestion run as several instances");
        }
        try {
            int count = Integer.parseInt(raw.trim());
            if (count < 1 || count > MAX_INSTANCES) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number from 1 to " + MAX_INSTANCES + ", got '" + raw + "'");
        }
    }

    /** The port of the service's first instance. */
    int port(Service service) {
        return servicePorts.get(service).getFirst();
    }

    /** Every instance of the service, the first one first. */
    List<Instance> instances(Service service) {
        List<Integer> ports = servicePorts.get(service);
        List<Instance> instances = new ArrayList<>();
        for (int n = 0; n < ports.size(); n++) {
            instances.add(new Instance(service, n + 1, ports.get(n)));
        }
        return instances;
    }

    /** The same settings with one instance of {@code service} on each of {@code ports} (tests). */
    StackSettings withInstances(Service service, List<Integer> ports) {
        Map<Service, List<Integer>> changed = new EnumMap<>(servicePorts);
        changed.put(service, List.copyOf(ports));
        return new StackSettings(root, dataDirectory, kafkaPort, postgresPort, logsToConsole, changed);
    }

    /** The shared settings as the services get them: defaults, the checkout's config/marketpulse.yml, environment. */
    MarketPulseSettings shared() {
        return Settings.load(configFile());
    }

    /** The configuration file every service is started with ({@code MARKETPULSE_CONFIG}). */
    Path configFile() {
        return root.resolve("config/marketpulse.yml");
    }

    String kafkaBootstrap() {
        return "localhost:" + kafkaPort;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + DATABASE;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(raw.trim());
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), got '" + raw + "'");
        }
    }
}
