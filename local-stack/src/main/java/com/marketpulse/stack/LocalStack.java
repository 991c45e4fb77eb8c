package com.marketpulse.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: one command brings up a real Kafka broker, a real PostgreSQL and all five services
 * on this machine, keeping their data under the data directory across restarts. Ctrl-C stops everything.
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        StackSettings settings;
        try {
            settings = StackSettings.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            log.error("{}", e.getMessage());
            System.exit(2);
            return;
        }
        requireFreePorts(settings);
        String password = env.getOrDefault("MARKETPULSE_DB_PASSWORD", StackSettings.DEFAULT_DATABASE_PASSWORD);
        log.info("Starting MarketPulse from {} with data in {}", settings.root(), settings.dataDirectory());
        log.info("Source: {}", describeSource(env));
        for (Service service : StackSettings.SCALABLE) {
            List<Instance> instances = settings.instances(service);
            if (instances.size() > 1) {
                log.info("{}: {} instances on ports {}", service.module(), instances.size(),
                        instances.stream().map(Instance::port).toList());
            }
        }

        Stack stack = Stack.startInfrastructure(settings, password);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(stack, stopped), "marketpulse-shutdown"));
        try {
            stack.startServices(List.of(Service.values()), Map.of(), START_TIMEOUT);
        } catch (RuntimeException e) {
            log.error("MarketPulse could not start: {}", e.getMessage());
            System.exit(1);
        }
        printBanner(settings);
        stopped.await();
    }

    private static void stop(Stack stack, CountDownLatch stopped) {
        log.info("Stopping MarketPulse ...");
        try {
            stack.close();
            log.info("MarketPulse stopped");
        } catch (Exception e) {
            log.error("Error while stopping MarketPulse", e);
        } finally {
            stopped.countDown();
        }
    }

    private static String describeSource(Map<String, String> env) {
        String source = env.get("MARKETPULSE_SOURCE");
        if (source != null && !source.isBlank()) {
            return source + " (MARKETPULSE_SOURCE)";
        }
        boolean keys = notBlank(env.get("ALPACA_API_KEY")) && notBlank(env.get("ALPACA_SECRET_KEY"));
        return keys ? "alpaca (ALPACA_API_KEY is set)" : "simulator (no ALPACA_API_KEY/ALPACA_SECRET_KEY set)";
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    /** A clear message beats a stack trace when another PostgreSQL or Kafka already holds a port. */
    private static void requireFreePorts(StackSettings settings) {
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        ports.put("PostgreSQL (MARKETPULSE_POSTGRES_PORT)", settings.postgresPort());
        ports.put("Kafka (MARKETPULSE_KAFKA_PORT)", settings.kafkaPort());
        ports.put("Kafka controller (MARKETPULSE_KAFKA_PORT + 1)", settings.kafkaPort() + 1);
        for (Service service : Service.values()) {
            for (Instance instance : settings.instances(service)) {
                ports.put(instance.name(), instance.port());
            }
        }
        ports.forEach((what, port) -> {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                log.error("Port {} for {} is already in use: stop whatever holds it, or choose another port.", port, what);
                System.exit(2);
            }
        });
    }

    private static void printBanner(StackSettings settings) {
        log.info("""

                ============================================================
                 MarketPulse is running
                   Dashboard   http://localhost:{}   (log in as demo / demo123)
                   API         http://localhost:{}/api/alerts
                   API docs    http://localhost:{}/docs
                   Kafka       {}    PostgreSQL  {}
                   Data        {}
                   Logs        {}
                 Press Ctrl-C to stop.
                ============================================================""",
                settings.port(Service.DASHBOARD), settings.port(Service.API), settings.port(Service.API),
                settings.kafkaBootstrap(),
                settings.jdbcUrl(), settings.dataDirectory(), settings.dataDirectory().resolve("logs"));
    }
}
