package com.marketpulse.detection.alert;

import static com.marketpulse.detection.support.Features.crash;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.detection.core.ScoringPipeline;
import com.marketpulse.detection.core.episode.AlertIds;
import com.marketpulse.detection.core.episode.EpisodeTracker;
import com.marketpulse.detection.model.ModelRegistry;
import com.marketpulse.detection.support.IntegrationTest;
import com.marketpulse.detection.support.Topic;
import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.MarketFeatures;
import com.marketpulse.events.Topics;
import com.marketpulse.settings.MarketPulseSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import com.marketpulse.detection.kafka.InputPolicy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.marketpulse.events.json.EventJsonDeserializer;

/**
 * Kills the scoring consumer after it has written the alert row and published the alert but before it commits the
 * step's offset, then starts a fresh one (new consumer in the same group, new episode memory; the
 * same database and broker) and proves the redelivered step leaves one row with the same alert id, and that
 * every alert published on {@code market.alerts} for it carries that id.
 * <p>
 * The steps come from a topic of this test only, so the application's own {@code detection-scorer} listener
 * never sees them; everything else (detection-core's scoring pipeline and episodes, {@link AlertRepository}, {@link AlertPublisher}) is the
 * service's real code against the real broker and PostgreSQL.
 */
class AlertCrashIT extends IntegrationTest {

    private static final String TOPIC = "alert-crash-test.features";
    private static final String GROUP = "alert-crash-test";
    private static final String SYMBOL = "AVAX/USD";

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    InputPolicy policy;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ModelRegistry models;
    @Autowired
    AlertRepository repository;
    @Autowired
    AlertPublisher publisher;
    @Autowired
    MarketPulseSettings settings;
    @Autowired
    Clock clock;

    @Test
    void aStepRedeliveredAfterACrashBetweenTheAlertWriteAndTheOffsetCommitKeepsOneRowAndOneAlertId()
            throws Exception {
        createTopic();
        MarketFeatures spike = spike(Instant.parse("2026-11-24T11:00:00.123456789Z"));
        Topic.sendJson(brokers, TOPIC, SYMBOL, spike);

        // first life: the step is scored, its alert written and published, then the process dies uncommitted
        List<Long> firstLife = new ArrayList<>();
        try (var consumer = consumer()) {
            FeatureListener listener = freshListener();
            while (firstLife.isEmpty()) {
                for (ConsumerRecord<String, MarketFeatures> r : consumer.poll(Duration.ofMillis(500))) {
                    listener.on(r.value());
                    firstLife.add(r.offset());
                }
            }
            // killed here: no commitSync; with auto-commit off, close() commits nothing either
        }
        List<Map<String, Object>> afterCrash = rows();
        assertThat(afterCrash).as("the alert row was written before the crash").hasSize(1);
        String alertId = (String) afterCrash.getFirst().get("alert_id");
        assertThat(alertId).as("the id is the episode's deterministic id, so a process without the row in memory "
                + "or a missed lookup still writes to the same row").isEqualTo(
                AlertIds.of(SYMBOL, AlertType.PRICE_SPIKE, spike.eventTime(), null));
        assertThat(published()).as("the alert was published before the crash").extracting(Alert::alertId)
                .containsExactly(alertId);
        try (var admin = admin()) {
            assertThat(admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(TOPIC, 0))).as("no offset was committed").isNull();
        }

        // second life: a fresh consumer of the same group gets the same step again and commits after it
        List<Long> secondLife = new ArrayList<>();
        try (var consumer = consumer()) {
            FeatureListener listener = freshListener();
            while (secondLife.isEmpty()) {
                for (ConsumerRecord<String, MarketFeatures> r : consumer.poll(Duration.ofMillis(500))) {
                    listener.on(r.value());
                    secondLife.add(r.offset());
                }
            }
            consumer.commitSync();
        }

        assertThat(secondLife).as("the step was redelivered").isEqualTo(firstLife);
        assertThat(rows()).singleElement().satisfies(row -> {
            assertThat(row.get("alert_id")).isEqualTo(alertId);
            assertThat(row.get("type")).isEqualTo("PRICE_SPIKE");
        });
        // a redelivery may publish the alert again, but never under a second id
        assertThat(published()).isNotEmpty().extracting(Alert::alertId).containsOnly(alertId);
    }

    /** The listener as a restarted process has it: nothing remembered, the database and the broker shared. */
    private FeatureListener freshListener() {
        var episodes = new EpisodeTracker(settings.detection().cooldown(), repository, clock);
        return new FeatureListener(policy, new ScoringPipeline(models.detector(), episodes),
                new AlertWriter(repository, publisher), new SimpleMeterRegistry());
    }

    /** −8 % in 5 minutes, 28 times the usual 5-minute move, after hours of history. */
    private static MarketFeatures spike(Instant time) {
        return crash(SYMBOL, time, 8);
    }

    private List<Map<String, Object>> rows() {
        return jdbc.sql("SELECT * FROM detection.alerts WHERE symbol = ?").param(SYMBOL).query().listOfRows();
    }

    private List<Alert> published() {
        return Topic.readAll(brokers, Topics.MARKET_ALERTS).stream().filter(r -> SYMBOL.equals(r.key()))
                .map(r -> Topic.parse(r.value(), Alert.class)).toList();
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
    }

    private void createTopic() throws Exception {
        try (var admin = admin()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
    }

    private KafkaConsumer<String, MarketFeatures> consumer() {
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new EventJsonDeserializer<>(MarketFeatures.class));
        consumer.subscribe(List.of(TOPIC));
        return consumer;
    }
}
