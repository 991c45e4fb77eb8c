package com.marketpulse.stack;

import com.marketpulse.events.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each stage of the pipeline is, read from outside the services: a topic's end offsets (what its producer
 * wrote), a consumer group's committed offsets on it (what the consumer finished, under exactly-once: committed
 * with its results), and the alerts stored in PostgreSQL. Offsets are summed over partitions; on a transactional
 * topic (market.features) the end offset also counts one commit marker per partition and transaction.
 */
final class StageOffsets implements AutoCloseable {

    /** The stages, in pipeline order: what each counts. */
    enum Stage {
        INGESTED("ingestion → market.crypto", "ticks"),
        FEATURE_READ("feature-service read market.crypto", "ticks"),
        ARCHIVED("detection archived market.crypto (sealed)", "ticks"),
        FEATURES_WRITTEN("feature-service → market.features", "grid steps"),
        STATE_CHANGELOG("feature-service state changelog (+ markers)", "states"),
        SCORED("detection scored market.features", "grid steps"),
        ALERTS("alerts written (detection.alerts)", "alerts");

        final String label;
        final String unit;

        Stage(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }
    }

    private final Admin admin;
    private final StackSettings settings;
    private final String databasePassword;
    private final List<TopicPartition> ticks;
    private final List<TopicPartition> features;
    private final List<TopicPartition> changelog;

    StageOffsets(StackSettings settings, String databasePassword, int partitions) {
        this.settings = settings;
        this.databasePassword = databasePassword;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
        this.ticks = partitions(Topics.MARKET_CRYPTO, partitions);
        this.features = partitions(Topics.MARKET_FEATURES, partitions);
        // Kafka Streams names it <application id>-<store>-changelog (feature-service's FeatureTopology.LIVE_STORE)
        this.changelog = partitions("feature-service-market-state-live-changelog", partitions);
    }

    private static List<TopicPartition> partitions(String topic, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(p -> new TopicPartition(topic, p)).toList();
    }

    /** Every stage's count now. */
    Map<Stage, Long> read() throws Exception {
        Map<Stage, Long> now = new LinkedHashMap<>();
        now.put(Stage.INGESTED, endOffsets(ticks));
        now.put(Stage.FEATURE_READ, committed("feature-service", ticks));
        now.put(Stage.ARCHIVED, committed("detection-archiver", ticks));
        now.put(Stage.FEATURES_WRITTEN, endOffsets(features));
        now.put(Stage.STATE_CHANGELOG, endOffsets(changelog));
        now.put(Stage.SCORED, committed("detection-scorer", features));
        now.put(Stage.ALERTS, storedAlerts());
        return now;
    }

    private long endOffsets(List<TopicPartition> partitions) throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get().values().stream().mapToLong(info -> info.offset()).sum();
    }

    private long committed(String group, List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        return partitions.stream().map(offsets::get).filter(java.util.Objects::nonNull)
                .mapToLong(OffsetAndMetadata::offset).sum();
    }

    private long storedAlerts() {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), StackSettings.DATABASE_USER,
                databasePassword);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM detection.alerts WHERE run_id IS NULL")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException notYetMigrated) {
            return 0;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
