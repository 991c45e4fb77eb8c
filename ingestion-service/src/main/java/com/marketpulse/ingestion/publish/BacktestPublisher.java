package com.marketpulse.ingestion.publish;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.ingestion.IngestionProperties;
import com.marketpulse.settings.MarketPulseSettings;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Where backtest runs publish: a publisher of its own beside the live one, with its own Kafka producer (its own
 * batches, in-flight requests and send thread) and its own bounded buffer ({@code marketpulse.backtest.publish-buffer}).
 * A backtest at full speed therefore never takes room in the live source's buffer nor queues ahead of live records
 * in a shared producer: the live latency stays what it was. Runs wait for room here (back-pressure), never drop.
 */
@Component
public final class BacktestPublisher implements SmartLifecycle {

    /**
     * Records sent before waiting for their acknowledgements: ten times the live publisher's, since a backtest wants
     * throughput (one acknowledgement round trip per 5,000 rows, not per 500) and no one waits on a single row.
     */
    static final int BATCH = 5_000;

    /** How long a backtest record may wait for others to fill its batch. */
    static final int LINGER_MS = 5;

    private final DefaultKafkaProducerFactory<String, Object> producers;
    private final KafkaTickPublisher publisher;

    BacktestPublisher(KafkaProperties kafka, PublishMetrics metrics, IngestionProperties properties,
                      MarketPulseSettings settings) {
        this.producers = new DefaultKafkaProducerFactory<>(producerConfig(kafka));
        this.publisher = new KafkaTickPublisher(new KafkaTemplate<>(producers), metrics,
                properties.backtest().publishBuffer(), new EdgeGuard(settings.edge().maxFuture(),
                settings.edge().maxLateness(), Clock.systemUTC()), Clock.systemUTC(), "backtest-publisher",
                Math.max(1, Math.min(BATCH, properties.backtest().publishBuffer() / 2)));
    }

    /**
     * The live producer's settings (spring.kafka.producer) with this producer's client id and a 5 ms linger: the live
     * producer sends each tick at once ({@code linger.ms: 0}, its latency is every alert's), a backtest wants full
     * batches and no one waits on a single row.
     */
    static Map<String, Object> producerConfig(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ingestion-backtests");
        config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        return config;
    }

    public void publishAndWait(String topic, Tick tick, Receipts receipts) throws InterruptedException {
        publisher.publishAndWait(topic, tick, receipts);
    }

    public void publishAndWait(String topic, SourceBar bar, Receipts receipts) throws InterruptedException {
        publisher.publishAndWait(topic, bar, receipts);
    }

    public void publishAndWait(String topic, Quote quote, Receipts receipts) throws InterruptedException {
        publisher.publishAndWait(topic, quote, receipts);
    }

    public void publishLabelAndWait(String topic, AnomalyLabel label, Receipts receipts) throws InterruptedException {
        publisher.publishLabelAndWait(topic, label, receipts);
    }

    /** Records of every run accepted and not yet acknowledged by Kafka. */
    public long pending() {
        return publisher.pending();
    }

    @Override
    public void start() {
        publisher.start();
    }

    @Override
    public void stop() {
        publisher.stop();
        producers.destroy();
    }

    @Override
    public boolean isRunning() {
        return publisher.isRunning();
    }

    @Override
    public int getPhase() {
        return TickPublisher.LIFECYCLE_PHASE;
    }
}
