package com.marketpulse.detection.alert;

import static com.marketpulse.detection.support.Features.calm;
import static com.marketpulse.detection.support.Features.crash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marketpulse.detection.support.Features;
import com.marketpulse.detection.support.IntegrationTest;
import com.marketpulse.detection.support.Topic;
import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.MarketFeatures;
import com.marketpulse.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

class AlertPipelineIT extends IntegrationTest {

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    /** −8 % in 5 minutes, 28 times the usual 5-minute move, after hours of history. */
    private static MarketFeatures spike(String symbol, Instant time) {
        return crash(symbol, time, 8);
    }

    private void send(MarketFeatures... steps) {
        double before = scored();
        for (MarketFeatures f : steps) {
            Topic.sendJson(brokers, Topics.MARKET_FEATURES, f.symbol(), f);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> scored() >= before + steps.length);
    }

    private double scored() {
        return meters.counter("marketpulse.detection.vectors.scored").count();
    }

    private List<Map<String, Object>> rows(String symbol) {
        return jdbc.sql("SELECT * FROM detection.alerts WHERE symbol = ? ORDER BY event_time").param(symbol)
                .query().listOfRows();
    }

    private List<Alert> published(String symbol) {
        return Topic.readAll(brokers, Topics.MARKET_ALERTS).stream().filter(r -> symbol.equals(r.key()))
                .map(r -> Topic.parse(r.value(), Alert.class)).toList();
    }

    @Test
    void aScorerThatReadEverythingFromTransactionsReportsNoLag() throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "features-" + UUID.randomUUID());
        double before = scored();
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            MarketFeatures f = calm("BTC/USD", Instant.now());
            producer.send(new ProducerRecord<>(Topics.MARKET_FEATURES, f.symbol(), Topic.json(f)));
            producer.commitTransaction();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> scored() > before);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lag(admin, "detection-scorer"))
                    .as("records of market.features not yet consumed").isZero());
        }
    }

    @Test
    void onlyConsumersOfTransactionalTopicsCommitPastTheCommitMarkers() {
        assertThat(fixesTxOffsets("detection-scorer")).isTrue();
        assertThat(fixesTxOffsets("detection-bars")).isTrue();
        assertThat(fixesTxOffsets("detection-backtests")).isTrue();
        assertThat(fixesTxOffsets("detection-backtest-bars")).isTrue();
        assertThat(fixesTxOffsets("detection-archiver")).as("the archive commits sealed files only").isFalse();
    }

    private boolean fixesTxOffsets(String listener) {
        return listeners.getListenerContainer(listener).getContainerProperties().isFixTxOffsets();
    }

    private static long lag(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().stream().filter(p -> p.topic().equals(Topics.MARKET_FEATURES))
                .forEach(p -> latest.put(p, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        return latest.keySet().stream().mapToLong(p -> ends.get(p).offset() - committed.get(p).offset()).sum();
    }

    @Test
    void aSpikeAfterWarmUpBecomesOneAlertRowAndOneMessage() {
        send(spike("BTC/USD", Instant.parse("2026-11-24T10:00:00.123456789Z")));

        assertThat(rows("BTC/USD")).singleElement().satisfies(row -> {
            assertThat(row.get("type")).isEqualTo("PRICE_SPIKE");
            assertThat(row.get("direction")).isEqualTo("DOWN");
            assertThat(row.get("run_id")).isNull();
            assertThat((String) row.get("explanation")).startsWith("BTC/USD −8.0 % in 5 min");
        });
        assertThat(published("BTC/USD")).singleElement().satisfies(alert -> {
            assertThat(alert.alertId()).isEqualTo(rows("BTC/USD").getFirst().get("alert_id"));
            assertThat(alert.type()).isEqualTo(AlertType.PRICE_SPIKE);
            assertThat(alert.eventTime()).isEqualTo(Instant.parse("2026-11-24T10:00:00.123456789Z"));
            assertThat(alert.modelVersion()).matches("v\\d+");
        });
    }

    @Test
    void theSameStepDeliveredTwiceStillMakesOneRowAndOneMessage() {
        MarketFeatures v = spike("ADA/USD", Instant.parse("2026-11-24T10:05:00Z"));

        send(v, v);

        assertThat(rows("ADA/USD")).hasSize(1);
        assertThat(published("ADA/USD")).hasSize(1);
    }

    @Test
    void aDeeperFallWithinTheCooldownUpdatesTheSameAlert() {
        Instant t = Instant.parse("2026-11-24T10:10:00Z");
        List<MarketFeatures> steps = new ArrayList<>();
        steps.add(spike("DOT/USD", t));
        int calmSteps = 10;
        for (int i = 1; i <= calmSteps; i++) {
            steps.add(calm("DOT/USD", t.plusSeconds(i)));
        }
        steps.add(crash("DOT/USD", t.plusSeconds(calmSteps + 1), 15));

        send(steps.toArray(MarketFeatures[]::new));

        assertThat(rows("DOT/USD")).singleElement().satisfies(row -> {
            assertThat(row.get("severity")).isEqualTo(published("DOT/USD").getLast().severity());
            assertThat((String) row.get("explanation")).startsWith("DOT/USD −15.0 % in 5 min");
        });
        assertThat(published("DOT/USD")).hasSize(2).extracting(Alert::alertId).containsOnly(
                (String) rows("DOT/USD").getFirst().get("alert_id"));
    }

    @Test
    void aStepBeforeWarmUpMakesNoAlert() {
        send(Features.history(spike("XRP/USD", Instant.parse("2026-11-24T10:15:00Z")), 10));

        assertThat(rows("XRP/USD")).isEmpty();
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextGoodOneIsStillProcessed() {
        Topic.sendBytes(brokers, Topics.MARKET_FEATURES, "SOL/USD", "{not json".getBytes(StandardCharsets.UTF_8));
        send(spike("SOL/USD", Instant.parse("2026-11-24T10:20:00Z")));

        assertThat(rows("SOL/USD")).hasSize(1);
        assertThat(Topic.readAll(brokers, Topics.deadLetter(Topics.MARKET_FEATURES)))
                .anySatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{not json"));
    }

    @Test
    void aReplayStepMakesItsOwnAlertUnderItsRunAndLeavesTheLiveOneAlone() {
        Instant t = Instant.parse("2026-11-24T10:25:00Z");
        send(spike("LTC/USD", t));
        Map<String, Object> live = rows("LTC/USD").getFirst();

        MarketFeatures replay = Features.run(spike("LTC/USD", t.plusSeconds(1)), "run-42");
        Topic.sendJson(brokers, Topics.MARKET_FEATURES_REPLAY, replay.symbol(), replay);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(rows("LTC/USD")).hasSize(2)
                .anySatisfy(row -> assertThat(row.get("run_id")).isEqualTo("run-42")).contains(live));
        assertThat(published("LTC/USD")).as("only the live alert on market.alerts").singleElement()
                .satisfies(alert -> assertThat(alert.runId()).isNull());
    }

    @Test
    void aBacktestStepOnTheLiveTopicIsRefusedAndNeverReachesMarketAlerts() {
        MarketFeatures replay = Features.run(spike("DOGE/USD", Instant.parse("2026-11-24T10:30:00Z")), "run-43");
        Topic.sendBytes(brokers, Topics.MARKET_FEATURES, "wrong-stream", Topic.json(replay)
                .getBytes(StandardCharsets.UTF_8));
        send(calm("DOGE/USD", Instant.parse("2026-11-24T10:31:00Z")));

        assertThat(rows("DOGE/USD")).isEmpty();
        assertThat(published("DOGE/USD")).isEmpty();
        assertThat(Topic.readAll(brokers, Topics.deadLetter(Topics.MARKET_FEATURES)))
                .anySatisfy(r -> assertThat(r.key()).isEqualTo("wrong-stream"));
    }
}
