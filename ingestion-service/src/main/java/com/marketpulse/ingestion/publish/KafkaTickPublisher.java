package com.marketpulse.ingestion.publish;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.ingestion.IngestionProperties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes through one idempotent producer (acks=all) from a bounded buffer, in order. A record leaves the
 * buffer only when Kafka has acknowledged it: a failed batch goes back to the front and is retried with
 * back-off while health reports DOWN. Only a full buffer drops a record, with a counter and a log line. Trades,
 * quotes and source bars share the buffer and the order; quotes may fill only {@value #QUOTE_SHARE_PERCENT}% of it,
 * so a deep venue's quotes (many a second) shed first and never crowd out trades or bars.
 */
@Component
class KafkaTickPublisher implements TickPublisher, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaTickPublisher.class);
    private static final int BATCH = 500;
    private static final Duration SHUTDOWN_FLUSH = Duration.ofSeconds(10);
    static final int QUOTE_SHARE_PERCENT = 80;

    private final KafkaTemplate<String, Object> template;
    private final PublishMetrics metrics;
    private final LinkedBlockingDeque<Outgoing> buffer;
    private final int quoteLimit;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Map<String, AtomicLong> droppedBy = new ConcurrentHashMap<>();
    private volatile Instant lastSuccess;
    private volatile Instant lastFailure;
    private volatile String lastError;
    private volatile boolean running;
    private Thread drainer;

    KafkaTickPublisher(KafkaTemplate<String, Object> template, PublishMetrics metrics, IngestionProperties properties) {
        this.template = template;
        this.metrics = metrics;
        this.buffer = new LinkedBlockingDeque<>(properties.publish().bufferCapacity());
        this.quoteLimit = Math.max(1, (int) ((long) properties.publish().bufferCapacity() * QUOTE_SHARE_PERCENT / 100));
        metrics.bufferSize(buffer::size);
    }

    @Override
    public boolean publish(String topic, Tick tick) {
        return accept(Outgoing.of(topic, tick), tick.source());
    }

    @Override
    public boolean publish(String topic, Quote quote) {
        return accept(Outgoing.of(topic, quote), quote.source());
    }

    @Override
    public boolean publish(String topic, SourceBar bar) {
        return accept(Outgoing.of(topic, bar), bar.source());
    }

    @Override
    public boolean publishLabel(AnomalyLabel label) {
        return enqueue(Outgoing.of(Topics.MARKET_LABELS, label));
    }

    private boolean accept(Outgoing record, String source) {
        metrics.received(record, source);
        return enqueue(record);
    }

    @Override
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return pending.get() == 0;
    }

    /** Accepted records not yet acknowledged by Kafka. */
    long pending() {
        return pending.get();
    }

    long dropped() {
        return dropped.get();
    }

    /** True while the last attempt to reach Kafka failed. */
    boolean failing() {
        Instant failure = lastFailure;
        Instant success = lastSuccess;
        return failure != null && (success == null || failure.isAfter(success));
    }

    String lastError() {
        return lastError;
    }

    private boolean enqueue(Outgoing record) {
        if (record.isQuote() && buffer.size() >= quoteLimit) {
            drop(record, "quote-share-full", null);
            return false;
        }
        pending.incrementAndGet();
        if (buffer.offerLast(record)) {
            return true;
        }
        pending.decrementAndGet();
        drop(record, "buffer-full", null);
        return false;
    }

    /**
     * Counts every drop under its kind and {@code reason}; logs the first of each kind and reason, every 1000th of
     * them and any that comes with a detail (so shed quotes never hide a dropped trade).
     */
    private void drop(Outgoing record, String reason, String detail) {
        metrics.dropped(record, reason);
        dropped.incrementAndGet();
        long count = droppedBy.computeIfAbsent(record.kind() + " " + reason, k -> new AtomicLong()).incrementAndGet();
        if (count == 1 || count % 1000 == 0 || detail != null) {
            log.error("Dropped {} {} so far ({}{}; buffer capacity {}); latest: {} key {} on {}", count, record.kind(),
                    reason, detail == null ? "" : ": " + detail, buffer.remainingCapacity() + buffer.size(),
                    record.value().getClass().getSimpleName(), record.key(), record.topic());
        }
    }

    private void drainLoop() {
        List<Outgoing> batch = new ArrayList<>(BATCH);
        long backoffMillis = 100;
        while (running || !buffer.isEmpty()) {
            try {
                Outgoing first = buffer.pollFirst(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                buffer.drainTo(batch, BATCH - 1);
                List<Outgoing> failed = sendAll(batch);
                batch.clear();
                if (failed.isEmpty()) {
                    backoffMillis = 100;
                } else {
                    requeue(failed);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoffMillis));
                    backoffMillis = Math.min(backoffMillis * 2, 5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Sends in order and waits for the acknowledgements; returns what must be tried again, in order. */
    private List<Outgoing> sendAll(List<Outgoing> batch) throws InterruptedException {
        List<CompletableFuture<?>> futures = new ArrayList<>(batch.size());
        for (Outgoing record : batch) {
            CompletableFuture<?> future;
            try {
                future = template.send(new ProducerRecord<>(record.topic(), null,
                        record.eventTime().toEpochMilli(), record.key(), record.value()));
            } catch (RuntimeException e) {
                if (unserializable(e)) {
                    // retrying cannot help and would block every record behind it
                    pending.decrementAndGet();
                    drop(record, "unserializable", e.getMessage());
                    futures.add(null);
                    continue;
                }
                future = CompletableFuture.failedFuture(e);
            }
            futures.add(future);
            if (future.isCompletedExceptionally()) {
                break;
            }
        }
        List<Outgoing> failed = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Outgoing record = batch.get(i);
            if (i >= futures.size()) {
                failed.add(record);
                continue;
            }
            if (futures.get(i) == null) {
                continue;
            }
            try {
                futures.get(i).get();
                succeeded(record);
            } catch (ExecutionException e) {
                failed(record, e.getCause());
                failed.add(record);
            }
        }
        return failed;
    }

    private static boolean unserializable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }

    private void succeeded(Outgoing record) {
        pending.decrementAndGet();
        metrics.published(record);
        if (failing()) {
            log.info("Kafka reachable again; publishing resumed ({} record(s) still to send)", pending.get());
        }
        lastSuccess = Instant.now();
    }

    private void failed(Outgoing record, Throwable cause) {
        boolean wasFailing = failing();
        lastFailure = Instant.now();
        lastError = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (!wasFailing) {
            log.warn("Kafka did not acknowledge {} on {}: {}; keeping it buffered and retrying", record.key(),
                    record.topic(), lastError);
        }
    }

    private void requeue(List<Outgoing> failed) {
        for (int i = failed.size() - 1; i >= 0; i--) {
            while (!buffer.offerFirst(failed.get(i))) {
                Outgoing newest = buffer.pollLast();
                if (newest != null) {
                    pending.decrementAndGet();
                    drop(newest, "buffer-full", null);
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        drainer = Thread.ofPlatform().name("kafka-publisher").daemon().start(this::drainLoop);
    }

    @Override
    public void stop() {
        if (!flush(SHUTDOWN_FLUSH)) {
            log.error("Stopping with {} record(s) not acknowledged by Kafka ({})", pending.get(), lastError);
        }
        running = false;
        drainer.interrupt();
        try {
            drainer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return LIFECYCLE_PHASE;
    }
}
