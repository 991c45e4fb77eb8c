package com.marketpulse.ingestion.backtest;

import com.marketpulse.events.BacktestProgress;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.awaitility.Awaitility.await;

/** Reads backtest.progress as api-service would, keeping every report in order. */
final class ProgressWatcher implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<BacktestProgress> reports = new ArrayList<>();

    ProgressWatcher(EmbeddedKafkaBroker broker) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "progress-" + System.nanoTime(), false);
        props.put("auto.offset.reset", "earliest");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.BACKTEST_PROGRESS));
    }

    void poll() {
        consumer.poll(Duration.ofMillis(100)).forEach(r -> reports.add(
                EventJson.mapper().readValue(r.value(), BacktestProgress.class)));
    }

    List<BacktestProgress> of(String runId) {
        return reports.stream().filter(p -> p.runId().equals(runId)).toList();
    }

    Optional<BacktestProgress> latest(String runId) {
        List<BacktestProgress> mine = of(runId);
        return mine.isEmpty() ? Optional.empty() : Optional.of(mine.getLast());
    }

    /** Waits for the run's last report (its state finished). */
    BacktestProgress awaitEnd(String runId, Duration within) {
        await().atMost(within).until(() -> {
            poll();
            return latest(runId).filter(p -> p.state().finished()).isPresent();
        });
        return latest(runId).orElseThrow();
    }

    /** Waits until the run reports having read at least {@code rows}. */
    BacktestProgress awaitRows(String runId, long rows, Duration within) {
        await().atMost(within).until(() -> {
            poll();
            return latest(runId).filter(p -> p.rowsRead() >= rows).isPresent();
        });
        return latest(runId).orElseThrow();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
