package com.marketpulse.api.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import com.marketpulse.api.Http;
import com.marketpulse.api.SseClient;
import com.marketpulse.events.BacktestCommand;
import com.marketpulse.events.BacktestProgress;
import com.marketpulse.events.Topics;

class BacktestJobsIT extends BacktestTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    BacktestSweeper sweeper;

    @Test
    void theJobFollowsIngestionsProgressThenWaitsForThePipelineToDrainIt() throws Exception {
        String group = "feature-service-test-" + UUID.randomUUID();
        try {
            followsProgressThenDrains(group);
        } finally {
            forget(group);
        }
    }

    private void followsProgressThenDrains(String group) throws Exception {
        String token = newUser();
        String id = startArchiveRun(token);
        assertThat(state(token, id)).isEqualTo("QUEUED");
        try (SseClient events = new SseClient(http, "/api/backtests/" + id + "/events", token, null)) {
            Instant t0 = Instant.now();
            publish(progress(id, BacktestProgress.State.RUNNING, 1000, t0));
            await().atMost(PATIENCE).until(() -> state(token, id).equals("RUNNING"));
            Http.Response running = http.get("/api/backtests/" + id, token);
            assertThat(running.json().get("rowsRead").asLong()).isEqualTo(1000);
            assertThat(running.json().get("published").asLong()).isEqualTo(998);
            assertThat(running.json().get("badRows").asLong()).isEqualTo(2);
            assertThat(running.json().get("firstBadRows").get(0).get("line").asLong()).isEqualTo(17);
            assertThat(running.json().get("eventTimeReached").asString()).isEqualTo(DAY.plusSeconds(1000).toString());
            assertThat(running.json().get("rowsPerSecond").asDouble()).isEqualTo(1200.5);
            assertThat(running.json().get("etaSeconds").asLong()).isEqualTo(8);

            // a report overtaken by a later one changes nothing
            publish(progress(id, BacktestProgress.State.RUNNING, 2000, t0.plusSeconds(2)));
            publish(progress(id, BacktestProgress.State.RUNNING, 1500, t0.plusSeconds(1)));
            await().atMost(PATIENCE).until(() -> rowsRead(token, id) == 2000);
            await().atMost(PATIENCE).until(() -> states(events).contains("RUNNING"));

            // the run's last record sits on a replay topic that a pipeline group has not passed yet
            TopicPartition partition = replayRecordBehind(group, id);
            publish(progress(id, BacktestProgress.State.PUBLISHED, 2500, t0.plusSeconds(3)));
            await().atMost(PATIENCE).until(() -> state(token, id).equals("DRAINING"));
            await().during(Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> state(token, id).equals("DRAINING"));

            commitEnd(group, partition);
            await().atMost(PATIENCE).until(() -> state(token, id).equals("DONE"));
            Http.Response done = http.get("/api/backtests/" + id, token);
            assertThat(done.json().get("rowsRead").asLong()).isEqualTo(2500);
            assertThat(done.json().get("finishedAt").isNull()).isFalse();
            assertThat(done.json().get("error").isNull()).isTrue();

            await().atMost(PATIENCE).until(events::ended);
            assertThat(states(events)).containsSubsequence("RUNNING", "DRAINING", "DONE").endsWith("DONE");
        }
    }

    @Test
    void aRunThePipelineNeverCatchesUpWithIsDoneAfterTheDrainTimeoutWithANote() throws Exception {
        String token = newUser();
        String id = startArchiveRun(token);
        String group = "stuck-feature-service-" + UUID.randomUUID();
        try {
            replayRecordBehind(group, id);
            publish(progress(id, BacktestProgress.State.PUBLISHED, 10, Instant.now()));
            await().atMost(PATIENCE).until(() -> state(token, id).equals("DRAINING"));

            // published 16 minutes ago, the group still behind: the drain timeout (15 min) has passed
            jdbc.sql("UPDATE api.backtests SET published_at = now() - INTERVAL '16 minutes' "
                    + "WHERE id = CAST(:id AS UUID)").param("id", id).update();

            await().atMost(PATIENCE).until(() -> state(token, id).equals("DONE"));
            assertThat(http.get("/api/backtests/" + id, token).json().get("error").asString())
                    .contains("had not worked through the run", "may be incomplete", group);
        } finally {
            forget(group);
        }
    }

    @Test
    void aFailedOrCancelledReplayEndsTheJobAndLaterReportsAreIgnored() {
        String token = newUser();
        String failed = startArchiveRun(token);
        String cancelled = startArchiveRun(token);

        publish(new BacktestProgress(failed, BacktestProgress.State.FAILED, 10, 0, 0, 10, List.of(), null, null, 0,
                null, 0, 0, "the archive has no files for BTC/USD", Instant.now()));
        Http.Response cancel = http.send("POST", "/api/backtests/" + cancelled + "/cancel", null, null,
                "Bearer " + token);
        assertThat(cancel.json().get("state").asString()).isEqualTo("CANCELLED");
        assertThat(commandsOf(cancelled, 2, PATIENCE)).extracting(BacktestCommand::action)
                .containsExactly(BacktestCommand.Action.START, BacktestCommand.Action.CANCEL);
        await().atMost(PATIENCE).until(() -> state(token, failed).equals("FAILED"));
        assertThat(http.get("/api/backtests/" + failed, token).json().get("error").asString())
                .isEqualTo("the archive has no files for BTC/USD");

        String probe = startArchiveRun(token);
        publish(failed, progress(cancelled, BacktestProgress.State.RUNNING, 50, Instant.now()));
        publish(failed, progress(failed, BacktestProgress.State.RUNNING, 50, Instant.now().plusSeconds(5)));
        publish(failed, progress(probe, BacktestProgress.State.RUNNING, 7, Instant.now()));
        // one key, one partition, read in order: once the probe's report is applied, the two before it were handled
        await().atMost(PATIENCE).until(() -> rowsRead(token, probe) == 7);
        assertThat(state(token, failed)).isEqualTo("FAILED");
        assertThat(state(token, cancelled)).isEqualTo("CANCELLED");
        assertThat(rowsRead(token, cancelled)).isZero();
    }

    @Test
    void anUnreadableProgressRecordGoesToTheDeadLetterTopicAndTheNextIsApplied() throws Exception {
        String token = newUser();
        String id = startArchiveRun(token);
        try (var producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker), new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.BACKTEST_PROGRESS, id, "{\"runId\": \"" + id
                    + "\", \"state\": \"RUNN")).get();
        }
        publish(progress(id, BacktestProgress.State.RUNNING, 42, Instant.now()));

        await().atMost(PATIENCE).until(() -> rowsRead(token, id) == 42);
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "test-dlt-" + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.BACKTEST_PROGRESS)));
            List<String> dead = new java.util.ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> dead.add(r.key() + " " + new String(
                        r.headers().lastHeader(Topics.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8) + " "
                        + r.value()));
                return dead.stream().anyMatch(d -> d.startsWith(id + " unreadable ") && d.endsWith("RUNN"));
            });
        }
    }

    @Test
    void anotherAccountsRunIs404EverywhereAndTheListIsMineNewestFirst() {
        String alice = newUser();
        String bob = newUser();
        String first = startArchiveRun(alice);
        String second = startArchiveRun(alice);

        for (String path : List.of("", "/alerts", "/report", "/report?format=csv", "/alerts?format=csv")) {
            assertProblem(http.get("/api/backtests/" + first + path, bob), 404, "No backtest with id");
        }
        assertProblem(http.get("/api/backtests/compare?a=" + first + "&b=" + second, bob), 404, "No backtest");
        assertProblem(http.get("/api/backtests/" + first + "/events", bob), 404, "No backtest");
        assertProblem(http.send("DELETE", "/api/backtests/" + first, null, null, "Bearer " + bob), 404, "No backtest");
        assertProblem(http.send("POST", "/api/backtests/" + first + "/cancel", null, null, "Bearer " + bob), 404,
                "No backtest");
        assertProblem(http.get("/api/backtests/not-a-uuid", alice), 404, "No backtest");
        assertThat(http.get("/api/backtests", bob).json()).isEmpty();
        assertThat(http.get("/api/backtests/" + first, null).status()).isEqualTo(401);

        var mine = http.get("/api/backtests", alice).json();
        assertThat(List.of(mine.get(0).get("id").asString(), mine.get(1).get("id").asString()))
                .containsExactly(second, first);
        assertThat(state(alice, first)).isEqualTo("QUEUED");
    }

    @Test
    void everyBadArchiveRangeIsAProblem() {
        String token = newUser();
        archiveHoldsTheDay();

        assertProblem(http.post("/api/backtests", """
                {"archive": {"symbols": ["DOGE/USD"], "from": "2026-11-24T00:00:00Z", "to": "2026-11-25T00:00:00Z"}}""",
                token), 400, "Unknown symbol 'DOGE/USD'");
        assertProblem(http.post("/api/backtests", """
                {"archive": {"symbols": ["BTC/USD"], "from": "2026-11-25T00:00:00Z", "to": "2026-11-24T00:00:00Z"}}""",
                token), 400, "empty or reversed");
        assertProblem(http.post("/api/backtests", """
                {"archive": {"symbols": ["BTC/USD"], "from": "2026-11-24T00:00:00Z", "to": "2026-11-24T00:00:00Z"}}""",
                token), 400, "empty or reversed");
        assertProblem(http.post("/api/backtests", """
                {"archive": {"symbols": ["BTC/USD"], "from": "2026-01-01T00:00:00Z", "to": "2026-11-24T00:00:00Z"}}""",
                token), 400, "at most 31 days");
        assertProblem(http.post("/api/backtests", """
                {"archive": {"symbols": ["ETH/USD"], "from": "2020-01-01T00:00:00Z", "to": "2020-01-02T00:00:00Z"}}""",
                token), 422, "holds no data");
        assertProblem(http.post("/api/backtests", """
                {"archive": {"symbols": [], "from": "2026-11-24T00:00:00Z", "to": "2026-11-25T00:00:00Z"}}""",
                token), 400, "at least one");
        assertProblem(http.post("/api/backtests", "{\"overrides\": {}}", token), 400, "'archive'");
        assertProblem(http.post("/api/backtests", ARCHIVE_DAY.replace("}}", "}, \"overrides\": {\"cooldown\": "
                + "\"PT-5M\"}}"), token), 400, "'cooldown'");
        assertThat(http.get("/api/backtests", token).json()).isEmpty();
    }

    @Test
    void deletingARunningJobCancelsItRemovesItsUploadAndFreesItsQuota() {
        String token = newUser();
        Http.Response started = upload(token, new Multipart().file("bars.csv", "timestamp,symbol,open,high,low,"
                + "close,volume\n2024-11-01T00:00:00Z,DOT/USD,5.1,5.2,5.0,5.15,1\n"));
        String id = started.json().get("id").asString();
        Path stored = Path.of(UPLOADS, id + ".csv");
        assertThat(stored).exists();

        assertThat(http.send("DELETE", "/api/backtests/" + id, null, null, "Bearer " + token).status())
                .isEqualTo(204);

        assertThat(stored).doesNotExist();
        assertThat(http.get("/api/backtests/" + id, token).status()).isEqualTo(404);
        assertThat(http.get("/api/backtests", token).json()).isEmpty();
        assertThat(commandsOf(id, 2, PATIENCE)).as("detection is told to delete the run's results")
                .extracting(BacktestCommand::action)
                .containsExactly(BacktestCommand.Action.START, BacktestCommand.Action.DELETE);
        assertThat(jdbc.sql("SELECT stored_bytes FROM api.backtests WHERE id = CAST(:id AS UUID)").param("id", id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRunFinishedLongerAgoThanTheRetentionIsDeletedWithItsUpload() {
        String token = newUser();
        String old = upload(token, new Multipart().file("bars.csv", "timestamp,symbol,open,high,low,close,volume\n"
                + "2024-11-01T00:00:00Z,DOT/USD,5.1,5.2,5.0,5.15,1\n")).json().get("id").asString();
        String recent = startArchiveRun(token);
        jdbc.sql("UPDATE api.backtests SET state = 'DONE', finished_at = now() - INTERVAL '31 days' "
                + "WHERE id = CAST(:id AS UUID)").param("id", old).update();
        jdbc.sql("UPDATE api.backtests SET state = 'DONE', finished_at = now() - INTERVAL '29 days' "
                + "WHERE id = CAST(:id AS UUID)").param("id", recent).update();

        sweeper.purgeExpired();

        assertThat(http.get("/api/backtests/" + old, token).status()).isEqualTo(404);
        assertThat(Path.of(UPLOADS, old + ".csv")).doesNotExist();
        assertThat(commandsOf(old, 2, PATIENCE)).extracting(BacktestCommand::action, BacktestCommand::owner)
                .last().isEqualTo(tuple(BacktestCommand.Action.DELETE,
                        http.get("/api/me", token).json().get("username").asString()));
        assertThat(state(token, recent)).isEqualTo("DONE");
    }

    private TopicPartition replayRecordBehind(String group, String runId) throws Exception {
        Map<String, Object> admin = Map.of("bootstrap.servers", broker.getBrokersAsString());
        try (Admin client = Admin.create(admin)) {
            if (!client.listTopics().names().get().contains(Topics.MARKET_CRYPTO_REPLAY)) {
                client.createTopics(List.of(new NewTopic(Topics.MARKET_CRYPTO_REPLAY, 1, (short) 1))).all().get();
            }
        }
        try (var producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker), new StringSerializer(),
                new StringSerializer())) {
            var sent = producer.send(new ProducerRecord<>(Topics.MARKET_CRYPTO_REPLAY, "BTC/USD",
                    "{\"runId\":\"" + runId + "\"}")).get();
            TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
            commit(group, partition, sent.offset());
            return partition;
        }
    }

    /** A test's pipeline group goes with it: a group left behind would hold up the next test's drain. */
    private void forget(String group) throws Exception {
        try (Admin client = Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
            client.deleteConsumerGroups(List.of(group)).all().get();
        }
    }

    private void commitEnd(String group, TopicPartition partition) {
        try (var consumer = new KafkaConsumer<>(KafkaTestUtils.consumerProps(broker, group, false),
                new StringDeserializer(), new StringDeserializer())) {
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(end)));
        }
    }

    private void commit(String group, TopicPartition partition, long offset) {
        try (var consumer = new KafkaConsumer<>(KafkaTestUtils.consumerProps(broker, group, false),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
        }
    }

    /** The states the progress stream sent, in order, each once. */
    private static List<String> states(SseClient events) {
        return events.events().stream().filter(e -> "progress".equals(e.name()))
                .map(e -> e.data().replaceAll(".*\"state\":\"([A-Z]+)\".*", "$1")).distinct().toList();
    }

    private String state(String token, String id) {
        return http.get("/api/backtests/" + id, token).json().get("state").asString();
    }

    private long rowsRead(String token, String id) {
        return http.get("/api/backtests/" + id, token).json().get("rowsRead").asLong();
    }
}
