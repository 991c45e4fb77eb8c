package com.marketpulse.ingestion.backtest;

import com.marketpulse.events.BacktestCommand;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code backtest.commands} in the consumer group {@value #GROUP} on a thread of its own and hands each
 * command to the runner, committing after each batch was handed over. A command that cannot be read (bad JSON, no
 * run id, a START without input) goes to {@code backtest.commands.DLT} with the reason and the next one is read.
 */
final class CommandConsumer {

    static final String GROUP = "ingestion-backtests";
    private static final Logger log = LoggerFactory.getLogger(CommandConsumer.class);

    private final Map<String, Object> config;
    private final ProgressPublisher deadLetters;
    private final JsonMapper json = EventJson.mapper();
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running;
    private volatile boolean assigned;
    private Thread thread;

    CommandConsumer(KafkaProperties kafka, ProgressPublisher deadLetters) {
        this.config = new HashMap<>(kafka.buildConsumerProperties());
        this.config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        this.config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a command sent while ingestion was starting for the first time must still run
        this.config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        this.config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        this.deadLetters = deadLetters;
    }

    /** True once the group gave this instance its partitions. */
    boolean assigned() {
        return assigned;
    }

    void start(Consumer<BacktestCommand> handler) {
        running = true;
        thread = Thread.ofPlatform().name("backtest-commands").daemon().start(() -> loop(handler));
    }

    private void loop(Consumer<BacktestCommand> handler) {
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer = kafka;
            kafka.subscribe(List.of(Topics.BACKTEST_COMMANDS), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    assigned = true;
                }
            });
            while (running) {
                ConsumerRecords<String, String> records = kafka.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, String> record : records) {
                    handle(record, handler);
                }
                if (!records.isEmpty()) {
                    kafka.commitSync();
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("Backtest commands are no longer read: {}", e.toString(), e);
        }
    }

    private void handle(ConsumerRecord<String, String> record, Consumer<BacktestCommand> handler) {
        BacktestCommand command;
        try {
            command = record.value() == null ? null : json.readValue(record.value(), BacktestCommand.class);
        } catch (RuntimeException e) {
            refuse(record, "malformed", "not a BacktestCommand: " + e.getMessage());
            return;
        }
        String invalid = invalid(command);
        if (invalid != null) {
            refuse(record, "invalid", invalid);
            return;
        }
        try {
            handler.accept(command);
        } catch (RuntimeException e) {
            log.error("Backtest command {} of run {} failed: {}", command.action(), command.runId(), e.toString(), e);
        }
    }

    private static String invalid(BacktestCommand command) {
        if (command == null || command.runId() == null || command.runId().isBlank() || command.action() == null) {
            return "a command needs a run id and an action";
        }
        if (command.action() == BacktestCommand.Action.START
                && (command.input() == null || command.input().source() == null)) {
            return "a START needs an input with its source (UPLOAD or ARCHIVE)";
        }
        return null;
    }

    private void refuse(ConsumerRecord<String, String> record, String reason, String detail) {
        log.warn("Backtest command at offset {} of {} refused ({}): {}", record.offset(), record.topic(), reason,
                detail);
        deadLetters.deadLetter(record.key(), record.value(), reason, detail);
    }

    void stop() {
        running = false;
        KafkaConsumer<String, String> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
