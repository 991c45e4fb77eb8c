package com.marketpulse.api.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import com.marketpulse.api.ApiIntegrationTest;
import com.marketpulse.api.Http;
import com.marketpulse.events.BacktestCommand;
import com.marketpulse.events.BacktestProgress;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventSerdes;

/** What the backtest integration tests share: accounts, uploads, archive data and the backtest topics. */
abstract class BacktestTestSupport extends ApiIntegrationTest {

    static final String PASSWORD = "violet harbour lanterns";
    static final Instant DAY = Instant.parse("2026-11-24T00:00:00Z");
    static final String ARCHIVE_DAY = """
            {"archive": {"symbols": ["BTC/USD"], "from": "2026-11-24T00:00:00Z", "to": "2026-11-25T00:00:00Z"}}""";

    @Autowired
    EmbeddedKafkaBroker broker;

    /** A new account of its own, so the per-account limits of one test never meet another's runs. */
    String newUser() {
        String name = "bt" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Http.Response created = http.post("/api/auth/register", "{\"username\":\"" + name + "\",\"password\":\""
                + PASSWORD + "\"}", null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return http.login(name, PASSWORD);
    }

    Http.Response upload(String token, Multipart form) {
        HttpRequest request = http.request("/api/backtests", token)
                .header("Content-Type", Multipart.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())).build();
        return send(request);
    }

    Http.Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.client().send(request, HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A day of the archive with data: one live bar of BTC/USD. */
    void archiveHoldsTheDay() {
        jdbc.sql("""
                        INSERT INTO detection.bars (symbol, start_time, end_time, open, high, low, close, volume, trades,
                            run_id) VALUES ('BTC/USD', :start, :end, 1, 1, 1, 1, 1, 1, '') ON CONFLICT DO NOTHING""")
                .param("start", Timestamp.from(DAY.plusSeconds(36_000)))
                .param("end", Timestamp.from(DAY.plusSeconds(36_060)))
                .update();
    }

    /** Starts an archive run of the day and returns its id. */
    String startArchiveRun(String token) {
        archiveHoldsTheDay();
        Http.Response started = http.post("/api/backtests", ARCHIVE_DAY, token);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("id").asString();
    }

    void publish(BacktestProgress progress) {
        publish(progress.runId(), progress);
    }

    /** Under another key: reports under one key are read in the order they were sent. */
    void publish(String key, BacktestProgress progress) {
        Map<String, Object> props = KafkaTestUtils.producerProps(broker);
        try (var factory = new ProducerFactoryCloser<>(new DefaultKafkaProducerFactory<>(props, new StringSerializer(),
                EventSerdes.backtestProgress().serializer()))) {
            new KafkaTemplate<>(factory.factory).send(Topics.BACKTEST_PROGRESS, key, progress).join();
        }
    }

    /** The commands published for one run, in order, waiting up to {@code patience} for {@code count}. */
    List<BacktestCommand> commandsOf(String runId, int count, Duration patience) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "test-commands-" + UUID.randomUUID(), false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<BacktestCommand> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                EventSerdes.backtestCommand().deserializer())) {
            consumer.subscribe(List.of(Topics.BACKTEST_COMMANDS));
            long until = System.nanoTime() + patience.toNanos();
            while (found.size() < count && System.nanoTime() < until) {
                for (ConsumerRecord<String, BacktestCommand> record : consumer.poll(Duration.ofMillis(500))) {
                    if (runId.equals(record.key())) {
                        found.add(record.value());
                    }
                }
            }
        }
        return found;
    }

    static BacktestProgress progress(String runId, BacktestProgress.State state, long rows, Instant at) {
        return new BacktestProgress(runId, state, rows, rows - 2, 0, 2,
                List.of(new BacktestProgress.BadRow(17, "price is not a number: 'x'")), DAY, DAY.plusSeconds(rows),
                1200.5, state == BacktestProgress.State.RUNNING ? 8L : null, rows * 40, 40_000, null, at);
    }

    static void assertProblem(Http.Response response, int status, String detailContains) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains(detailContains);
    }

    private record ProducerFactoryCloser<K, V>(DefaultKafkaProducerFactory<K, V> factory) implements AutoCloseable {
        @Override
        public void close() {
            factory.destroy();
        }
    }
}
