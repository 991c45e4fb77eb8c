package com.marketpulse.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import kafka.tools.StorageTool$;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Apache Kafka broker in KRaft mode (broker and controller in one), run as a child JVM of the
 * launcher ({@code kafka.Kafka} on the launcher's own classpath) so that it can fail, and be killed and restarted,
 * apart from the launcher. Its log directory is formatted once and then reused, so topics, offsets and Kafka
 * Streams changelogs survive a restart of the broker or the stack.
 */
final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    /** A controlled shutdown of one broker takes a few seconds; Ctrl-C must end the whole stack within 20 s. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(6);

    private final Path logDirectory;
    private final Path configFile;
    private final Path logFile;
    private final int port;
    private volatile Process process;

    private KafkaBroker(Path logDirectory, Path configFile, Path logFile, int port) {
        this.logDirectory = logDirectory;
        this.configFile = configFile;
        this.logFile = logFile;
        this.port = port;
    }

    /**
     * Starts the broker on {@code port} (the controller on the next one) with its data in {@code logDirectory} and its
     * output in {@code logs/kafka.log}, and waits until it answers.
     */
    static KafkaBroker start(Path logDirectory, Path logs, int port, int partitions) throws IOException {
        Files.createDirectories(logDirectory);
        Files.createDirectories(logs);
        Properties config = config(logDirectory, port, partitions);
        formatOnce(logDirectory, config);
        Path configFile = logDirectory.resolveSibling("kafka-server.properties");
        try (OutputStream out = Files.newOutputStream(configFile)) {
            config.store(out, "MarketPulse local broker, written by the launcher at each start");
        }
        KafkaBroker broker = new KafkaBroker(logDirectory, configFile, logs.resolve("kafka.log"), port);
        broker.restart();
        return broker;
    }

    /** Starts the broker process again on the same data (after {@link #kill()} or {@link #close()}). */
    void restart() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
                "--sun-misc-unsafe-memory-access=allow", "-cp", classPath(), "kafka.Kafka", configFile.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        process = builder.start();
        log.info("Started the Kafka broker (KRaft, pid {}) on localhost:{}, data in {}, log {}", process.pid(), port,
                logDirectory, logFile);
        awaitListening(Duration.ofSeconds(90));
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** The broker's process, for a test that makes it fail. */
    ProcessHandle process() {
        return process.toHandle();
    }

    /** Kills the broker at once (SIGKILL), as a crash would, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        log.info("Kafka broker killed");
    }

    /** Asks the broker to stop (SIGTERM: a controlled shutdown) without waiting. */
    void requestStop() {
        process.destroy();
    }

    @Override
    public void close() throws InterruptedException {
        requestStop();
        if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("The Kafka broker did not stop within {}; killing it", STOP_GRACE);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        log.info("Kafka broker stopped");
    }

    private void awaitListening(Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with status " + process.exitValue()
                        + " during start-up; see " + logFile);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 500);
                return;
            } catch (IOException notYet) {
                try {
                    process.waitFor(250, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the Kafka broker", e);
                }
            }
        }
        throw new IllegalStateException("the Kafka broker did not listen on " + port + " within " + timeout
                + "; see " + logFile);
    }

    /**
     * The launcher's own classpath: run.sh's, or under Maven's test runners the real one they name (their JVM's
     * {@code java.class.path} is a manifest-only jar).
     */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static Properties config(Path logDirectory, int port, int partitions) {
        int controllerPort = port + 1;
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDirectory.toString());
        // topics the catalogue does not create get the same count as those it does
        p.put("num.partitions", Integer.toString(partitions));
        // one broker: every internal topic has a single replica (also what Kafka Streams' exactly-once needs here)
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // a week of raw ticks stays replayable from Kafka; the Parquet archive keeps everything
        p.put("log.retention.hours", "168");
        return p;
    }

    /** Formats the log directory on the first start only; later starts find meta.properties and keep the data. */
    private static void formatOnce(Path logDirectory, Properties config) throws IOException {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        Path file = Files.createTempFile("marketpulse-kafka", ".properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            config.store(out, "MarketPulse local broker");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = StorageTool$.MODULE$.execute(
                new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", file.toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        Files.deleteIfExists(file);
        if (status != 0) {
            throw new IllegalStateException("could not format Kafka storage in " + logDirectory + ": "
                    + output.toString(StandardCharsets.UTF_8));
        }
        log.info("Formatted a new Kafka log directory in {}", logDirectory);
    }
}
