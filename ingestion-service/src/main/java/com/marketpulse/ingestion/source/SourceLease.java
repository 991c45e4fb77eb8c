package com.marketpulse.ingestion.source;

import com.marketpulse.events.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which ingestion instance runs the live source. Alpaca allows one stream connection per key, and two live sources
 * would publish every trade twice, so of all instances only the one Kafka assigns partition 0 of the one-partition
 * topic {@value Topics#SOURCE_LEASE} (consumer group {@value #GROUP}) runs it; the others are standbys. The group is
 * Kafka's own membership: when the holder stops it leaves the group and a standby is assigned at once; when it dies
 * the broker notices after {@code sessionTimeout} and assigns a standby then. The sticky cooperative assignor keeps
 * the partition where it is when a standby joins, so a new instance never takes the stream from a running one.
 * Nothing is ever written to or read from the topic.
 */
final class SourceLease implements AutoCloseable {

    static final String GROUP = "ingestion-source-lease";
    private static final Logger log = LoggerFactory.getLogger(SourceLease.class);
    private static final TopicPartition LEASE = new TopicPartition(Topics.SOURCE_LEASE, 0);

    /** Told on the lease's own thread when this instance gets the lease and when it loses or gives it up. */
    interface Holder {
        void acquired();

        void released();
    }

    private final Map<String, Object> config;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean running;
    private volatile boolean held;
    private Thread thread;

    /** @param kafka the service's consumer settings (bootstrap servers, client id) */
    SourceLease(Map<String, Object> kafka, Duration sessionTimeout) {
        this.config = new HashMap<>(kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(500, sessionTimeout.toMillis() / 4));
        Object clientId = kafka.get(ConsumerConfig.CLIENT_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, (clientId == null ? "ingestion-service" : clientId) + "-lease");
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
    }

    /** Joins the group on a thread of its own; {@code holder} hears when this instance holds the lease. */
    void start(Holder holder) {
        running = true;
        thread = Thread.ofPlatform().name("source-lease").daemon().start(() -> loop(holder));
    }

    boolean held() {
        return held;
    }

    private void loop(Holder holder) {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer = kafka;
                try {
                    kafka.subscribe(List.of(Topics.SOURCE_LEASE), listener(kafka, holder));
                    log.info("Waiting for the live source's lease (partition 0 of {}, group {})", Topics.SOURCE_LEASE,
                            GROUP);
                    while (running) {
                        kafka.poll(Duration.ofMillis(500)); // heartbeats go on in the client's own thread
                    }
                } catch (WakeupException e) {
                    // stopping
                } finally {
                    // the source stops before the consumer leaves the group: only then may a standby start its own
                    release(holder, "this instance stops or its lease consumer failed");
                }
            } catch (RuntimeException e) {
                log.error("The source lease's consumer failed; joining again in a second: {}", e.toString(), e);
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ConsumerRebalanceListener listener(KafkaConsumer<byte[], byte[]> kafka, Holder holder) {
        return new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                if (partitions.contains(LEASE) && !held) {
                    kafka.pause(List.of(LEASE)); // nothing to read: the assignment is the lease
                    held = true;
                    log.info("This instance holds the live source's lease: starting the source");
                    holder.acquired();
                }
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                if (partitions.contains(LEASE)) {
                    release(holder, "the lease moved to another instance");
                }
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                if (partitions.contains(LEASE)) {
                    release(holder, "the lease was lost (this instance missed its session timeout)");
                }
            }
        };
    }

    private void release(Holder holder, String why) {
        if (held) {
            held = false;
            log.info("Stopping the live source: {}", why);
            holder.released();
        }
    }

    /** Stops the source if it runs here, then leaves the group, so that a standby takes over at once. */
    @Override
    public void close() {
        running = false;
        KafkaConsumer<byte[], byte[]> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
