package com.marketpulse.detection.backtest;

import static com.marketpulse.detection.support.Features.crash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marketpulse.detection.support.Features;
import com.marketpulse.detection.support.IntegrationTest;
import com.marketpulse.detection.support.Topic;
import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.BacktestCommand;
import com.marketpulse.events.BacktestCommand.Overrides;
import com.marketpulse.events.MarketFeatures;
import com.marketpulse.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Backtest runs through the real broker and database: a run's features are scored by detection's own backtest
 * consumer, with the run's settings, and its alerts land under its run id and on market.alerts.replay, never on
 * market.alerts; runs never mix; a cancelled run's remaining steps are skipped; its labels are stored. Symbols of
 * their own (a run brings any symbol), so the live tests sharing this database never see these rows.
 */
class BacktestRunIT extends IntegrationTest {

    /** Five minutes of 5 % everywhere: no move of 3 % is material. */
    private static final Overrides FIVE_PERCENT = new Overrides(null, null, null, null, 0.05, 0.05, 0.05, null,
            null);
    private static final Instant T = Instant.parse("2025-03-10T09:00:00Z");

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    private static String newRun() {
        return "run-" + UUID.randomUUID();
    }

    private void start(String runId, Overrides overrides) {
        Topic.sendJson(brokers, Topics.BACKTEST_COMMANDS, runId, BacktestCommand.start(runId, "alice",
                BacktestCommand.Input.upload(runId + ".csv", "candles", "BKG/USD"), overrides, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> runRow(runId).isPresent());
    }

    private java.util.Optional<Map<String, Object>> runRow(String runId) {
        return jdbc.sql("SELECT * FROM detection.backtest_runs WHERE run_id = ?").param(runId).query().listOfRows()
                .stream().findFirst();
    }

    /** Sends the steps on market.features.replay and waits until each is scored or skipped. */
    private void replay(MarketFeatures... steps) {
        double before = handled();
        for (MarketFeatures f : steps) {
            Topic.sendJson(brokers, Topics.MARKET_FEATURES_REPLAY, f.symbol(), f);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> handled() >= before + steps.length);
    }

    private double handled() {
        return meters.counter("marketpulse.detection.backtest.vectors.scored").count()
                + meters.counter("marketpulse.detection.backtest.vectors.skipped").count();
    }

    private static MarketFeatures fall(String runId, String symbol, Instant time, double percent) {
        return Features.run(crash(symbol, time, percent), runId);
    }

    private List<Map<String, Object>> rows(String runId) {
        return jdbc.sql("SELECT * FROM detection.alerts WHERE run_id = ? ORDER BY event_time").param(runId).query()
                .listOfRows();
    }

    private List<Alert> published(String topic, String runId) {
        return Topic.readAll(brokers, topic).stream().map(r -> Topic.parse(r.value(), Alert.class))
                .filter(alert -> runId.equals(alert.runId())).toList();
    }

    @Test
    void aRunsFeaturesMakeAlertsUnderItsRunOnTheReplayTopicAndNothingOnMarketAlerts() {
        String run = newRun();
        start(run, Overrides.NONE);

        replay(fall(run, "BKA/USD", T, 3));

        assertThat(rows(run)).singleElement().satisfies(row -> {
            assertThat(row.get("type")).isEqualTo("PRICE_SPIKE");
            assertThat((String) row.get("explanation")).startsWith("BKA/USD −3.0 % in 5 min");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                published(Topics.MARKET_ALERTS_REPLAY, run)).singleElement().satisfies(alert -> {
                    assertThat(alert.alertId()).isEqualTo(rows(run).getFirst().get("alert_id"));
                    assertThat(alert.type()).isEqualTo(AlertType.PRICE_SPIKE);
                }));
        assertThat(published(Topics.MARKET_ALERTS, run)).as("a backtest alert on the live topic").isEmpty();
        assertThat(Topic.readAll(brokers, Topics.MARKET_ALERTS)).noneSatisfy(r ->
                assertThat(Topic.parse(r.value(), Alert.class).runId()).isNotNull());
    }

    @Test
    void aThreePercentMoveAlertsWithTheLiveSettingsAndNotWithFivePercentMinimums() {
        String live = newRun();
        String strict = newRun();
        start(live, Overrides.NONE);
        start(strict, FIVE_PERCENT);

        replay(fall(live, "BKB/USD", T, 3), fall(strict, "BKB/USD", T, 3));

        assertThat(rows(live)).hasSize(1);
        assertThat(rows(strict)).isEmpty();
        assertThat(runRow(strict).orElseThrow()).containsEntry("min_move_5m", 0.05).containsEntry("owner", "alice")
                .containsEntry("move_sigmas", null);
    }

    @Test
    void twoRunsAtOnceKeepTheirAlertsApart() {
        String a = newRun();
        String b = newRun();
        start(a, Overrides.NONE);
        start(b, Overrides.NONE);

        // interleaved, same symbol: a's fall at T, b's two minutes later (within a's cooldown, were they one run)
        replay(fall(a, "BKC/USD", T, 8), Features.run(Features.calm("BKC/USD", T.plusSeconds(60)), b),
                Features.run(Features.calm("BKC/USD", T.plusSeconds(60)), a),
                fall(b, "BKC/USD", T.plusSeconds(120), 6));

        assertThat(rows(a)).singleElement().satisfies(row ->
                assertThat((String) row.get("explanation")).startsWith("BKC/USD −8.0 % in 5 min"));
        assertThat(rows(b)).singleElement().satisfies(row ->
                assertThat((String) row.get("explanation")).startsWith("BKC/USD −6.0 % in 5 min"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(published(Topics.MARKET_ALERTS_REPLAY, a)).extracting(Alert::alertId)
                    .containsOnly((String) rows(a).getFirst().get("alert_id"));
            assertThat(published(Topics.MARKET_ALERTS_REPLAY, b)).extracting(Alert::alertId)
                    .containsOnly((String) rows(b).getFirst().get("alert_id"));
        });
    }

    @Test
    void aCancelledRunsRemainingFeaturesAreSkipped() {
        String run = newRun();
        start(run, Overrides.NONE);
        replay(fall(run, "BKD/USD", T, 8));
        double skipped = meters.counter("marketpulse.detection.backtest.vectors.skipped").count();

        Topic.sendJson(brokers, Topics.BACKTEST_COMMANDS, run, BacktestCommand.cancel(run, "alice", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> runRow(run).orElseThrow().get("cancelled_at") != null);
        replay(fall(run, "BKE/USD", T.plusSeconds(3_600), 8));

        assertThat(rows(run)).singleElement().satisfies(row -> assertThat(row.get("symbol")).isEqualTo("BKD/USD"));
        assertThat(meters.counter("marketpulse.detection.backtest.vectors.skipped").count()).isEqualTo(skipped + 1);
    }

    @Test
    void aDeletedRunsAlertsBarsAndLabelsAreRemovedAndItsLateFeaturesSkipped() {
        String run = newRun();
        String kept = newRun();
        start(run, Overrides.NONE);
        start(kept, Overrides.NONE);
        replay(fall(run, "BKH/USD", T, 8), fall(kept, "BKH/USD", T, 8));
        Topic.sendJson(brokers, Topics.MARKET_LABELS_REPLAY, "BKH/USD", new AnomalyLabel("label-h", "BKH/USD",
                AlertType.PRICE_SPIKE, T, T.plusSeconds(240), 8, run));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("backtest_labels", run) == 1);
        jdbc.sql("INSERT INTO detection.bars (symbol, start_time, end_time, open, high, low, close, volume, trades, "
                + "run_id) VALUES ('BKH/USD', ?, ?, 1, 1, 1, 1, 0, 0, ?)").params(
                java.sql.Timestamp.from(T), java.sql.Timestamp.from(T.plusSeconds(60)), run).update();
        assertThat(rows(run)).hasSize(1);

        Topic.sendJson(brokers, Topics.BACKTEST_COMMANDS, run, BacktestCommand.delete(run, "alice", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> rows(run).isEmpty() && count("bars", run) == 0
                && count("backtest_labels", run) == 0);
        replay(fall(run, "BKI/USD", T.plusSeconds(3_600), 8));
        assertThat(rows(run)).as("a feature of the deleted run still in flight").isEmpty();
        assertThat(rows(kept)).as("another run's results").hasSize(1);
    }

    /**
     * Chosen: what a cancelled run stored before its CANCEL stays until it is deleted (its partial report keeps its
     * chart beside its alerts); its bars and labels still in flight after the CANCEL are skipped, and after the DELETE
     * nothing of it is stored again.
     */
    @Test
    void aCancelledRunKeepsItsBarsSoFarUntilDeletedAndItsLaterBarsAndLabelsAreNotStored() {
        String run = newRun();
        start(run, Overrides.NONE);
        sendBar(run, "BKJ/USD", T);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("bars", run) == 1);

        Topic.sendJson(brokers, Topics.BACKTEST_COMMANDS, run, BacktestCommand.cancel(run, "alice", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> runRow(run).orElseThrow().get("cancelled_at") != null);
        double bars = meters.counter("marketpulse.detection.backtest.bars.skipped").count();
        double labels = meters.counter("marketpulse.detection.backtest.labels.skipped").count();
        sendBar(run, "BKJ/USD", T.plusSeconds(60));
        Topic.sendJson(brokers, Topics.MARKET_LABELS_REPLAY, "BKJ/USD", new AnomalyLabel("label-j", "BKJ/USD",
                AlertType.PRICE_SPIKE, T, T.plusSeconds(240), 8, run));
        await().atMost(Duration.ofSeconds(30)).until(() -> meters.counter(
                "marketpulse.detection.backtest.bars.skipped").count() == bars + 1 && meters.counter(
                "marketpulse.detection.backtest.labels.skipped").count() == labels + 1);
        assertThat(count("bars", run)).as("the bar stored before the cancel is kept, the later one is not")
                .isEqualTo(1);
        assertThat(count("backtest_labels", run)).isZero();

        Topic.sendJson(brokers, Topics.BACKTEST_COMMANDS, run, BacktestCommand.delete(run, "alice", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("bars", run) == 0);
        sendBar(run, "BKJ/USD", T.plusSeconds(120));
        await().atMost(Duration.ofSeconds(30)).until(() -> meters.counter(
                "marketpulse.detection.backtest.bars.skipped").count() == bars + 2);
        assertThat(count("bars", run)).as("a bar of the deleted run still in flight").isZero();
    }

    private void sendBar(String runId, String symbol, Instant start) {
        Topic.sendJson(brokers, Topics.MARKET_BARS_REPLAY, symbol, new com.marketpulse.events.Bar(
                com.marketpulse.events.Bar.idOf(symbol, start, runId), symbol, start, start.plusSeconds(60), 10, 10.2,
                9.9, 10.1, 5, 3, runId));
    }

    private long count(String table, String runId) {
        return jdbc.sql("SELECT count(*) FROM detection." + table + " WHERE run_id = ?").param(runId)
                .query(Long.class).single();
    }

    @Test
    void aRunWhoseStartArrivesAfterItsFirstStepIsStillJudgedWithItsOverrides() {
        String run = newRun();
        double before = handled();
        Topic.sendJson(brokers, Topics.MARKET_FEATURES_REPLAY, "BKF/USD", fall(run, "BKF/USD", T, 3));

        start(run, FIVE_PERCENT);
        await().atMost(Duration.ofSeconds(60)).until(() -> handled() > before);

        assertThat(rows(run)).as("judged with minimums of 5 %").isEmpty();
    }

    @Test
    void aRunsLabelsAreStoredForItsReportAndALabelWithoutARunIsDeadLettered() {
        String run = newRun();
        var label = new AnomalyLabel("label-1", "BKG/USD", AlertType.PRICE_SPIKE, T, T.plusSeconds(240), 4.5, run);
        Topic.sendJson(brokers, Topics.MARKET_LABELS_REPLAY, "BKG/USD", label);
        Topic.sendJson(brokers, Topics.MARKET_LABELS_REPLAY, "BKG/USD", label);
        Topic.sendJson(brokers, Topics.MARKET_LABELS_REPLAY, "no-run", new AnomalyLabel("label-2", "BKG/USD",
                AlertType.PRICE_SPIKE, T, T.plusSeconds(240), 4.5, null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT label_id, symbol, kind, magnitude FROM detection.backtest_labels WHERE run_id = ?").param(run)
                .query().listOfRows()).containsExactly(Map.of("label_id", "label-1", "symbol", "BKG/USD",
                "kind", "PRICE_SPIKE", "magnitude", 4.5)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                Topic.readAll(brokers, Topics.deadLetter(Topics.MARKET_LABELS_REPLAY)))
                .anySatisfy(r -> assertThat(r.key()).isEqualTo("no-run")));
    }

    @Test
    void badRecordsOnTheBacktestTopicsGoToTheirDeadLetterTopicCountedAndTheNextGoodOneIsProcessed() {
        Map<String, String> reasons = Map.of(
                Topics.MARKET_FEATURES_REPLAY, "unreadable", Topics.MARKET_BARS_REPLAY, "unreadable",
                Topics.MARKET_LABELS_REPLAY, "unreadable", Topics.BACKTEST_COMMANDS, "unreadable");
        Map<String, Double> before = new java.util.HashMap<>();
        reasons.keySet().forEach(topic -> before.put(topic, deadLetters(topic, "unreadable")));
        double invalidOverrides = deadLetters(Topics.BACKTEST_COMMANDS, "invalid_overrides");
        double wrongStream = deadLetters(Topics.MARKET_FEATURES_REPLAY, "wrong_stream");

        reasons.keySet().forEach(topic -> Topic.sendBytes(brokers, topic, "bad", "{not json"
                .getBytes(StandardCharsets.UTF_8)));
        String refused = newRun();
        Topic.sendJson(brokers, Topics.BACKTEST_COMMANDS, refused, BacktestCommand.start(refused, "alice",
                BacktestCommand.Input.upload("x.csv", null, null), new Overrides(-1.0, null, null, null, null, null,
                        null, null, null), Instant.now()));
        Topic.sendJson(brokers, Topics.MARKET_FEATURES_REPLAY, "live-step", Features.calm("BKA/USD", T));
        String run = newRun();
        start(run, Overrides.NONE);
        replay(fall(run, "BKH/USD", T, 8));

        assertThat(rows(run)).hasSize(1);
        assertThat(runRow(refused)).as("a START with invalid overrides is not stored").isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            reasons.keySet().forEach(topic -> assertThat(deadLetters(topic, "unreadable") - before.get(topic))
                    .as(topic).isEqualTo(1.0));
            assertThat(deadLetters(Topics.BACKTEST_COMMANDS, "invalid_overrides") - invalidOverrides).isEqualTo(1.0);
            assertThat(deadLetters(Topics.MARKET_FEATURES_REPLAY, "wrong_stream") - wrongStream).isEqualTo(1.0);
        });
        reasons.keySet().forEach(topic -> assertThat(Topic.readAll(brokers, Topics.deadLetter(topic)))
                .anySatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{not json")));
    }

    private double deadLetters(String topic, String reason) {
        var counter = meters.find("marketpulse.detection.dead.letters").tag("topic", topic).tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
