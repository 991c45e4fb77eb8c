package com.marketpulse.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool$;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Apache Kafka broker in KRaft mode (broker and controller in one), run in this JVM.
 * Its log directory is formatted once and then reused, so topics, offsets and Kafka Streams changelogs
 * survive a restart of the stack.
 */
final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    static KafkaBroker start(Path logDirectory, int port, int partitions) throws IOException {
        Files.createDirectories(logDirectory);
        Properties config = config(logDirectory, port, partitions);
        formatOnce(logDirectory, config);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
        log.info("Kafka broker (KRaft) listening on localhost:{}, data in {}", port, logDirectory);
        return new KafkaBroker(server, "localhost:" + port);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        log.info("Kafka broker stopped");
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
