package com.marketpulse.stack;

import com.marketpulse.files.archive.ArchiveReader;
import com.marketpulse.files.archive.Archived;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * What the fault suite reads from outside the services: detection's Parquet archive (with its own ArchiveReader),
 * the alerts in PostgreSQL and on market.alerts, the consumer groups' committed offsets, and GET /api/status.
 */
final class PipelineProbe {

    /** Each API instance tails market.alerts in a group of its own, left behind when the instance goes (not a lag). */
    private static final String API_STREAM_GROUPS = "api-service-stream-";
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final StackSettings settings;
    private final String databasePassword;

    PipelineProbe(StackSettings settings, String databasePassword) {
        this.settings = settings;
        this.databasePassword = databasePassword;
    }

    /** How often each trade id of a symbol is in the sealed trade files of the archive (key: symbol + " " + trade id). */
    Map<String, Integer> archivedTradeCounts() {
        Map<String, Integer> counts = new HashMap<>();
        ArchiveReader<Tick> trades = ArchiveReader.trades(settings.dataDirectory().resolve("archive"));
        for (Path file : trades.files()) {
            for (Archived<Tick> row : trades.read(file)) {
                counts.merge(key(row.event().symbol(), row.event().tradeId()), 1, Integer::sum);
            }
        }
        return counts;
    }

    static String key(String symbol, Object tradeId) {
        return symbol + " " + tradeId;
    }

    record StoredAlert(String id, String symbol, String type, String eventTime) {
        String episode() {
            return symbol + " " + type + " " + eventTime;
        }
    }

    /** The live alerts in detection.alerts; empty while the database cannot be read. */
    Optional<List<StoredAlert>> storedAlerts() {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), StackSettings.DATABASE_USER,
                databasePassword);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT alert_id, symbol, type, event_time FROM detection.alerts WHERE run_id IS NULL")) {
            List<StoredAlert> alerts = new ArrayList<>();
            while (rows.next()) {
                alerts.add(new StoredAlert(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getTimestamp(4).toInstant().toString()));
            }
            return Optional.of(alerts);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** Every alert id published on market.alerts so far (an episode is republished under its id as it grows). */
    Set<String> publishedAlertIds() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MARKET_ALERTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Set<String> ids = new HashSet<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    JsonNode alert = EventJson.mapper().readTree(record.value());
                    ids.add(alert.path("alertId").asString());
                }
            }
            return ids;
        }
    }

    /** The latest readable end offset of every partition some consumer group has committed on. */
    Map<TopicPartition, Long> endOffsetsOfConsumedPartitions() throws Exception {
        try (Admin admin = admin()) {
            Set<TopicPartition> consumed = committedOffsets(admin).values().stream()
                    .flatMap(m -> m.keySet().stream()).collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> latest = consumed.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        }
    }

    /**
     * The partitions, per consumer group, whose committed offset is still behind {@code ends} (an earlier reading of
     * {@link #endOffsetsOfConsumedPartitions()}): empty when every group has consumed at least up to then.
     */
    Map<String, List<String>> behind(Map<TopicPartition, Long> ends) throws Exception {
        Map<String, List<String>> behind = new TreeMap<>();
        try (Admin admin = admin()) {
            committedOffsets(admin).forEach((group, offsets) -> offsets.forEach((partition, committed) -> {
                Long end = ends.get(partition);
                if (end != null && committed < end) {
                    behind.computeIfAbsent(group, g -> new ArrayList<>())
                            .add(partition + " at " + committed + " < " + end);
                }
            }));
        }
        return behind;
    }

    /** The partitions each member of {@code group} owns now, by the member's Kafka client id. */
    Map<String, List<TopicPartition>> owners(String group) throws Exception {
        try (Admin admin = admin()) {
            Map<String, List<TopicPartition>> owners = new TreeMap<>();
            admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().forEach(member ->
                    owners.put(member.clientId(), List.copyOf(member.assignment().topicPartitions())));
            return owners;
        }
    }

    /**
     * The grid steps published more than once on market.features (read_committed) with an event time from
     * {@code from}: a step's features are emitted once, whoever owns its partition.
     */
    List<String> featureStepsPublishedTwice(java.time.Instant from) {
        return featureStepsSince(from).entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();
    }

    /** How often each grid step (its event id) with an event time from {@code from} is on market.features. */
    Map<String, Integer> featureStepsSince(java.time.Instant from) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MARKET_FEATURES).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<String, Integer> seen = new HashMap<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    JsonNode step = EventJson.mapper().readTree(record.value());
                    if (!java.time.Instant.parse(step.path("eventTime").asString()).isBefore(from)) {
                        seen.merge(step.path("eventId").asString(), 1, Integer::sum);
                    }
                }
            }
            return seen;
        }
    }

    private static Map<String, Map<TopicPartition, Long>> committedOffsets(Admin admin) throws Exception {
        Map<String, Map<TopicPartition, Long>> all = new TreeMap<>();
        for (var group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get()) {
            if (group.groupId().startsWith(API_STREAM_GROUPS)) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> offsets = new HashMap<>();
            committed.forEach((partition, offset) -> {
                if (offset != null) {
                    offsets.put(partition, offset.offset());
                }
            });
            all.put(group.groupId(), offsets);
        }
        return all;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    /** Each stage's status in GET /api/status ({@code kafka → DOWN}); empty when the API does not answer. */
    Optional<Map<String, String>> stages() {
        URI status = URI.create("http://localhost:" + settings.port(Service.API) + "/api/status");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(15))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            Map<String, String> stages = new TreeMap<>();
            EventJson.mapper().readTree(response.body()).path("stages")
                    .forEach(s -> stages.put(s.path("name").asString(), s.path("status").asString()));
            return Optional.of(stages);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
