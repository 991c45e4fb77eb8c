package com.marketpulse.ingestion.publish;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.ingestion.IngestionProperties;
import com.marketpulse.settings.MarketPulseSettings;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes through one idempotent producer (acks=all) from a bounded buffer, in order. A record leaves the
 * buffer only when Kafka has acknowledged it: a batch that failed for the broker's sake (down, slow, leader moving)
 * goes back to the front and is retried without a limit while health reports DOWN. A record the broker refuses for
 * its own sake (invalid timestamp, too large, unserializable) can never succeed: it goes to {@code <topic>.DLT}
 * with the reason, and the rest flows. Events are judged at the edge first ({@link EdgeGuard}): far-future or late
 * ones are dead-lettered before they reach their topic. Only a full buffer drops a record (a replay waits for room
 * instead), with a counter and a log line. Trades, quotes and source bars share the buffer and the order; quotes
 * may fill only {@value #QUOTE_SHARE_PERCENT}% of it, so a deep venue's quotes shed first and never crowd out
 * trades or bars.
 */
@Component
class KafkaTickPublisher implements TickPublisher, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaTickPublisher.class);
    /** Records sent before waiting for their acknowledgements: the live publisher's, small for its latency. */
    private static final int BATCH = 500;
    private static final Duration SHUTDOWN_FLUSH = Duration.ofSeconds(10);
    static final int QUOTE_SHARE_PERCENT = 80;
    /** Header of a dead letter naming why it was rejected (a metric tag: far-future, late, invalid-timestamp...). */
    static final String REASON_HEADER = Topics.DEAD_LETTER_REASON;
    /** Header of a dead letter holding the original event time (ISO-8601), which its Kafka timestamp is not. */
    static final String EVENT_TIME_HEADER = "marketpulse-dlt-event-time";
    /** Header of a dead letter whose value is cut short (the original was too large): the original's length. */
    static final String TRUNCATED_HEADER = "marketpulse-dlt-truncated-from";
    private static final int TOO_LARGE_KEPT = 16_384;

    private final KafkaTemplate<String, Object> template;
    private final PublishMetrics metrics;
    private final EdgeGuard edge;
    private final Clock clock;
    private final LinkedBlockingDeque<Outgoing> buffer;
    private final int capacity;
    private final int quoteLimit;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final Map<String, AtomicLong> droppedBy = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> rejectedBy = new ConcurrentHashMap<>();
    private final Object room = new Object();
    private volatile Instant lastSuccess;
    private volatile Instant lastFailure;
    private volatile String lastError;
    private volatile boolean running;
    private final String name;
    private final int batch;
    private Thread drainer;

    @Autowired
    KafkaTickPublisher(KafkaTemplate<String, Object> template, PublishMetrics metrics, IngestionProperties properties,
                       MarketPulseSettings settings) {
        this(template, metrics, properties.publish().bufferCapacity(), new EdgeGuard(settings.edge().maxFuture(),
                settings.edge().maxLateness(), Clock.systemUTC()), Clock.systemUTC());
    }

    KafkaTickPublisher(KafkaTemplate<String, Object> template, PublishMetrics metrics, int capacity, EdgeGuard edge,
                       Clock clock) {
        this(template, metrics, capacity, edge, clock, "kafka-publisher", BATCH);
        metrics.bufferSize(buffer::size);
    }

    /**
     * @param name  the drain thread's name (the live publisher's, or the backtests' own)
     * @param batch records sent before waiting for their acknowledgements (more: more throughput, more latency)
     */
    KafkaTickPublisher(KafkaTemplate<String, Object> template, PublishMetrics metrics, int capacity, EdgeGuard edge,
                       Clock clock, String name, int batch) {
        this.name = name;
        this.batch = batch;
        this.template = template;
        this.metrics = metrics;
        this.edge = edge;
        this.clock = clock;
        this.capacity = capacity;
        this.buffer = new LinkedBlockingDeque<>(capacity);
        this.quoteLimit = Math.max(1, (int) ((long) capacity * QUOTE_SHARE_PERCENT / 100));
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
    public boolean publishCorrection(String topic, Tick tick) {
        return accept(Outgoing.of(topic, tick).asCorrection(), tick.source());
    }

    @Override
    public boolean publishCorrection(String topic, SourceBar bar) {
        return accept(Outgoing.of(topic, bar).asCorrection(), bar.source());
    }

    @Override
    public boolean publishLabel(AnomalyLabel label) {
        return enqueue(Outgoing.of(Topics.MARKET_LABELS, label));
    }

    @Override
    public void publishAndWait(String topic, Tick tick, Receipts receipts) throws InterruptedException {
        acceptAndWait(Outgoing.of(topic, tick).countedIn(receipts), tick.source());
    }

    @Override
    public void publishAndWait(String topic, SourceBar bar, Receipts receipts) throws InterruptedException {
        acceptAndWait(Outgoing.of(topic, bar).countedIn(receipts), bar.source());
    }

    /** A quote of a replay (an archive range), with back-pressure as {@link #publishAndWait(String, Tick, Receipts)}. */
    void publishAndWait(String topic, Quote quote, Receipts receipts) throws InterruptedException {
        acceptAndWait(Outgoing.of(topic, quote).countedIn(receipts), quote.source());
    }

    /**
     * A replay's ground truth to {@code topic}, with back-pressure. Not judged at the edge: a label is published when
     * its episode closes, so its start is behind the stream by the episode's length by nature.
     */
    void publishLabelAndWait(String topic, AnomalyLabel label, Receipts receipts) throws InterruptedException {
        offerWhenRoom(Outgoing.of(topic, label).countedIn(receipts));
    }

    private boolean accept(Outgoing record, String source) {
        metrics.received(record, source);
        return enqueue(judged(record));
    }

    /** Back-pressure: waits until the buffer has room rather than dropping (a replay can always wait). */
    private void acceptAndWait(Outgoing record, String source) throws InterruptedException {
        metrics.received(record, source);
        offerWhenRoom(judged(record));
    }

    /**
     * Counts the record as handed over only once it has room: a replay interrupted (cancelled) while it waits has
     * handed nothing, so its receipts settle.
     */
    private void offerWhenRoom(Outgoing judged) throws InterruptedException {
        boolean counted = false;
        while (true) {
            synchronized (room) {
                while (pending.get() >= capacity) {
                    room.wait(100);
                }
            }
            if (!counted) {
                judged.receipts().countHanded();
                counted = true;
            }
            pending.incrementAndGet();
            if (buffer.offerLast(judged)) {
                return;
            }
            pending.decrementAndGet();
        }
    }

    /** The record itself, or its dead letter when the edge check rejects it. */
    private Outgoing judged(Outgoing record) {
        Optional<EdgeGuard.Rejection> rejection = edge.check(record.runId(), record.key(), record.eventTime(),
                record.correction());
        if (rejection.isEmpty()) {
            return record;
        }
        rejected(record, rejection.get().reason(), rejection.get().detail());
        return record.deadLettered(rejection.get().reason(), rejection.get().detail(), clock.instant());
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

    long deadLettered() {
        return deadLettered.get();
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
        if (record.isQuote() && record.deadLetter() == null && buffer.size() >= quoteLimit) {
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
                    reason, detail == null ? "" : ": " + detail, capacity,
                    record.value().getClass().getSimpleName(), record.key(), record.topic());
        }
    }

    /** Counts a record turned into a dead letter; logs the first of each kind and reason, then every 1000th. */
    private void rejected(Outgoing record, String reason, String detail) {
        metrics.rejected(record, reason);
        long count = rejectedBy.computeIfAbsent(record.kind() + " " + reason, k -> new AtomicLong()).incrementAndGet();
        if (count == 1 || count % 1000 == 0) {
            log.warn("Rejected {} {} so far ({}) to {}; latest: key {}: {}", count, record.kind(), reason,
                    Topics.deadLetter(record.topic()), record.key(), detail);
        }
    }

    private void drainLoop() {
        List<Outgoing> batch = new ArrayList<>(this.batch);
        long backoffMillis = 100;
        while (running || !buffer.isEmpty()) {
            try {
                Outgoing first = buffer.pollFirst(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                buffer.drainTo(batch, this.batch - 1);
                Attempt attempt = sendAll(batch);
                batch.clear();
                freeRoom();
                if (!attempt.retry().isEmpty()) {
                    requeue(attempt.retry());
                }
                if (attempt.brokerFailed()) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoffMillis));
                    backoffMillis = Math.min(backoffMillis * 2, 5_000);
                } else {
                    backoffMillis = 100;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void freeRoom() {
        synchronized (room) {
            room.notifyAll();
        }
    }

    /**
     * What to send again, in order (records the broker did not take, and dead letters of records it refused for
     * good), and whether the broker itself failed (then the next attempt waits a back-off step).
     */
    private record Attempt(List<Outgoing> retry, boolean brokerFailed) {
    }

    /** Sends in order and waits for the acknowledgements. */
    private Attempt sendAll(List<Outgoing> batch) throws InterruptedException {
        List<CompletableFuture<?>> futures = new ArrayList<>(batch.size());
        for (Outgoing record : batch) {
            CompletableFuture<?> future;
            try {
                future = template.send(producerRecord(record));
            } catch (RuntimeException e) {
                future = CompletableFuture.failedFuture(e);
            }
            futures.add(future);
            if (future.isCompletedExceptionally() && PublishErrors.recordLevel(causeOf(future)) == null) {
                break; // the broker is away: keep the order, send the rest after this one
            }
        }
        List<Outgoing> retry = new ArrayList<>();
        boolean brokerFailed = false;
        for (int i = 0; i < batch.size(); i++) {
            Outgoing record = batch.get(i);
            if (i >= futures.size()) {
                retry.add(record);
                continue;
            }
            try {
                futures.get(i).get();
                succeeded(record);
            } catch (ExecutionException e) {
                String refused = PublishErrors.recordLevel(e.getCause());
                if (refused == null) {
                    failed(record, e.getCause());
                    retry.add(record);
                    brokerFailed = true;
                } else {
                    refused(record, refused, e.getCause()).ifPresent(retry::add);
                }
            }
        }
        return new Attempt(retry, brokerFailed);
    }

    private static Throwable causeOf(CompletableFuture<?> failed) {
        try {
            failed.join();
            return null;
        } catch (RuntimeException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    private static ProducerRecord<String, Object> producerRecord(Outgoing record) {
        RecordHeaders headers = new RecordHeaders();
        Outgoing.DeadLetter dead = record.deadLetter();
        if (dead != null) {
            headers.add(header(KafkaHeaders.DLT_ORIGINAL_TOPIC, dead.originalTopic()));
            headers.add(header(KafkaHeaders.DLT_EXCEPTION_MESSAGE, dead.detail()));
            headers.add(header(REASON_HEADER, dead.reason()));
            headers.add(header(EVENT_TIME_HEADER, record.eventTime().toString()));
        }
        Object value = record.value();
        if (dead != null && dead.reason().equals(PublishErrors.UNSERIALIZABLE)) {
            value = String.valueOf(record.value());
        } else if (dead != null && dead.reason().equals(PublishErrors.TOO_LARGE)) {
            // the original would be refused again: keep its beginning, enough to tell what it was
            String text = String.valueOf(record.value());
            value = text.substring(0, Math.min(text.length(), TOO_LARGE_KEPT)) + "…";
            headers.add(header(TRUNCATED_HEADER, Integer.toString(text.length())));
        }
        return new ProducerRecord<>(record.topic(), null, record.timestamp(), record.key(), value, headers);
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A record the broker refused for good: its dead letter, to be sent in its place; a dead letter refused too (or
     * a label, which has no dead-letter topic) is dropped, counted and logged with the reason.
     */
    private Optional<Outgoing> refused(Outgoing record, String reason, Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getClass().getSimpleName() + ": " + root.getMessage();
        if (record.deadLetter() != null || record.isLabel()) {
            pending.decrementAndGet();
            drop(record, record.deadLetter() != null ? "dead-letter-" + reason : reason, detail);
            return Optional.empty();
        }
        rejected(record, reason, detail);
        return Optional.of(record.deadLettered(reason, detail, clock.instant()));
    }

    private void succeeded(Outgoing record) {
        pending.decrementAndGet();
        metrics.published(record);
        if (record.deadLetter() != null) {
            deadLettered.incrementAndGet();
        }
        if (record.receipts() != null) {
            if (record.deadLetter() == null) {
                record.receipts().countAcknowledged();
            } else {
                record.receipts().countDeadLettered();
            }
        }
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
        drainer = Thread.ofPlatform().name(name).daemon().start(this::drainLoop);
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
