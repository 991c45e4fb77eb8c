package com.marketpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ctrl-C of {@code ./run.sh} under load, as a user at a terminal does it: the launcher runs as its own process group
 * (what a shell gives a foreground job) on free ports with the simulator as the source, a producer floods
 * market.crypto with live ticks, and SIGINT goes to the whole group, as the terminal sends it. Within 20 s every
 * process the stack started (the five services, the broker, PostgreSQL's postmaster and its backends) and the
 * launcher are gone. The launcher's log is target/ctrl-c-&lt;time&gt;/launcher.log, the services' beside it.
 */
class CtrlCUnderLoadIT {

    private static final Logger log = LoggerFactory.getLogger(CtrlCUnderLoadIT.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(20);

    private final Path data = Path.of("target", "ctrl-c-" + System.currentTimeMillis()).toAbsolutePath();
    private final List<ProcessHandle> started = new ArrayList<>();
    private Process launcher;

    @AfterEach
    void killWhateverSurvived() {
        started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (launcher != null) {
            launcher.destroyForcibly();
        }
    }

    @Test
    void ctrlCUnderLoadEndsEveryProcessOfTheStackWithinTwentySeconds() throws Exception {
        StackSettings settings = FreePorts.settings(data);
        Path launcherLog = data.resolve("launcher.log");
        launcher = startLauncher(settings, launcherLog);
        await("the launcher's banner in " + launcherLog).atMost(START_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    assertThat(launcher.isAlive()).as("launcher alive, see %s", launcherLog).isTrue();
                    return Files.readString(launcherLog).contains("MarketPulse is running");
                });

        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicLong sent = new AtomicLong();
        Thread load = Thread.ofPlatform().name("tick-flood").start(() -> flood(settings.kafkaBootstrap(), loading, sent));
        await("ticks flowing").atMost(Duration.ofSeconds(30)).until(() -> sent.get() > 5_000);

        started.add(launcher.toHandle());
        started.addAll(launcher.toHandle().descendants().toList());
        Postgres.postmasterOf(settings.dataDirectory().resolve("postgres")).ifPresent(postmaster -> {
            started.add(postmaster);
            started.addAll(postmaster.descendants().toList());
        });
        assertThat(started).as("launcher, 5 services, broker, postmaster and backends").hasSizeGreaterThan(8);
        log.info("Sending SIGINT to the stack's process group {} ({} processes, {} ticks sent so far)",
                launcher.pid(), started.size(), sent.get());

        Instant signalled = Instant.now();
        signalGroup(launcher.pid(), "INT");
        try {
            await("every process of the stack gone").atMost(STOP_LIMIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> started.stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            loading.set(false);
            load.join(Duration.ofSeconds(10));
            List<String> survivors = started.stream().filter(ProcessHandle::isAlive)
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
            log.info("{} after SIGINT: survivors {}", Duration.between(signalled, Instant.now()), survivors);
        }
        assertThat(Files.readString(launcherLog)).contains("MarketPulse stopped");
    }

    /** {@code run.sh}'s command, in a new session (its own process group, as a shell's foreground job). */
    private static Process startLauncher(StackSettings settings, Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        List<String> command = List.of("setsid", ProcessHandle.current().info().command().orElseThrow(),
                "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                LocalStack.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).directory(settings.root().toFile())
                .redirectErrorStream(true).redirectOutput(logFile.toFile());
        Map<String, String> env = builder.environment();
        env.remove("ALPACA_API_KEY");
        env.remove("ALPACA_SECRET_KEY");
        env.put("MARKETPULSE_HOME", settings.root().toString());
        env.put("MARKETPULSE_DATA_DIR", settings.dataDirectory().toString());
        env.put("MARKETPULSE_KAFKA_PORT", Integer.toString(settings.kafkaPort()));
        env.put("MARKETPULSE_POSTGRES_PORT", Integer.toString(settings.postgresPort()));
        for (Service service : Service.values()) {
            env.put("MARKETPULSE_" + service.name() + "_PORT", Integer.toString(settings.port(service)));
        }
        return builder.start();
    }

    /** Live ticks as fast as the broker takes them, until told to stop or the broker is gone. */
    private static void flood(String bootstrap, AtomicBoolean loading, AtomicLong sent) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        var json = EventJson.mapper();
        List<String> symbols = List.of("BTC/USD", "ETH/USD", "SOL/USD");
        try (var producer = new KafkaProducer<String, String>(config)) {
            for (long i = 0; loading.get(); i++) {
                String symbol = symbols.get((int) (i % symbols.size()));
                Tick tick = Tick.live("simulator", "simulator", symbol, Instant.now(), 100 + (i % 7), 0.01,
                        "flood-" + i, "B");
                try {
                    producer.send(new ProducerRecord<>(Topics.MARKET_CRYPTO, symbol, json.writeValueAsString(tick)),
                            (metadata, error) -> {
                                if (error == null) {
                                    sent.incrementAndGet();
                                }
                            });
                } catch (RuntimeException brokerGone) {
                    return;
                }
            }
            producer.close(Duration.ZERO);
        }
    }

    /** {@code kill -INT -<pgid>}: the signal a terminal sends to its foreground job on Ctrl-C. */
    private static void signalGroup(long processGroup, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", signal, "--", "-" + processGroup).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -s %s -- -%d", signal, processGroup).isZero();
    }
}
