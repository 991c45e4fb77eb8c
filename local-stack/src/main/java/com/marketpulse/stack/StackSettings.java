package com.marketpulse.stack;

import com.marketpulse.settings.MarketPulseSettings;
import com.marketpulse.settings.Settings;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where the local stack puts things, read from the environment once at start.
 *
 * @param root          the MarketPulse checkout (services' jars under {@code <module>/target/}, config under {@code config/})
 * @param dataDirectory everything that survives a restart: Kafka logs, PostgreSQL cluster, Parquet archive, logs
 * @param kafkaPort     the broker's client port (the controller listens on the next port)
 * @param postgresPort  PostgreSQL's port
 * @param logsToConsole whether services log to this console instead of {@code data/logs/<service>.log}
 * @param servicePorts  the port of each service (the documented defaults, or free ports in tests)
 */
record StackSettings(Path root, Path dataDirectory, int kafkaPort, int postgresPort, boolean logsToConsole,
                     Map<Service, Integer> servicePorts) {

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

    /** The documented ports, unless {@code MARKETPULSE_<SERVICE>_PORT} (e.g. {@code MARKETPULSE_API_PORT}) says otherwise. */
    private static Map<Service, Integer> servicePorts(Map<String, String> env) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, port(env, "MARKETPULSE_" + service.name() + "_PORT", service.defaultPort()));
        }
        return ports;
    }

    int port(Service service) {
        return servicePorts.get(service);
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
