package com.marketpulse.ingestion.backtest;

import com.marketpulse.events.BacktestProgress;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes each run's {@link BacktestProgress} to {@code backtest.progress} keyed by run id (the running reports
 * without waiting, the last one of a run waiting for Kafka's acknowledgement), and commands that cannot be read to
 * {@code backtest.commands.DLT} with the reason. A producer of its own: progress never queues behind market data.
 */
@Component
class ProgressPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProgressPublisher.class);
    private static final Duration FINAL_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<String, String> producer;
    private final JsonMapper json = EventJson.mapper();

    ProgressPublisher(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ingestion-backtest-progress");
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** A running run's report: sent without waiting (the next one follows in a second). */
    void report(BacktestProgress progress) {
        producer.send(record(progress), (metadata, e) -> {
            if (e != null) {
                log.warn("Progress of run {} not published: {}", progress.runId(), e.toString());
            }
        });
    }

    /** The last report of a run: waits until Kafka has it (or says it could not). */
    void reportFinal(BacktestProgress progress) {
        try {
            producer.send(record(progress)).get(FINAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.error("Final progress of run {} ({}) not confirmed: interrupted", progress.runId(), progress.state());
        } catch (ExecutionException | TimeoutException e) {
            log.error("Final progress of run {} ({}) not published: {}", progress.runId(), progress.state(),
                    e.toString());
        }
    }

    /** A command that can never be run, kept with why on {@code backtest.commands.DLT}. */
    void deadLetter(String key, String value, String reason, String detail) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.deadLetter(Topics.BACKTEST_COMMANDS),
                key, value);
        record.headers().add(new RecordHeader(Topics.DEAD_LETTER_REASON, reason.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("kafka_dlt-exception-message",
                detail.getBytes(StandardCharsets.UTF_8)));
        producer.send(record, (metadata, e) -> {
            if (e != null) {
                log.error("Dead letter of command {} not published: {}", key, e.toString());
            }
        });
    }

    private ProducerRecord<String, String> record(BacktestProgress progress) {
        return new ProducerRecord<>(Topics.BACKTEST_PROGRESS, progress.runId(), json.writeValueAsString(progress));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
