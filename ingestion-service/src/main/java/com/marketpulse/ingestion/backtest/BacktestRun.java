package com.marketpulse.ingestion.backtest;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.BacktestCommand;
import com.marketpulse.events.BacktestProgress;
import com.marketpulse.events.BacktestProgress.State;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.ingestion.publish.BacktestPublisher;
import com.marketpulse.ingestion.publish.Receipts;
import com.marketpulse.ingestion.replay.ReplaySink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One backtest run: receives its input's rows, publishes them under its run id with back-pressure, and counts what
 * became of each — acknowledged by Kafka, dead-lettered, or a bad row with its line number — so that at the end
 * {@code rowsRead = published + deadLettered + badRows}. A row is read once it was handed to the publisher or found
 * bad; a cancelled run stops at the next row.
 */
final class BacktestRun implements ReplaySink {

    static final int BAD_ROWS_KEPT = 100;

    private final BacktestCommand command;
    private final BacktestPublisher publisher;
    private final Clock clock;
    private final Receipts rows = new Receipts();
    private final Receipts labels = new Receipts();
    private final TopicOrder order = new TopicOrder(rows);
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong bad = new AtomicLong();
    private final List<BacktestProgress.BadRow> firstBad = new ArrayList<>();
    private volatile RunInput input;
    private volatile Instant from;
    private volatile Instant reached;
    private volatile Instant startedAt;
    private volatile State state = State.RUNNING;
    private volatile String error;
    private volatile boolean cancelled;
    private long lastRead;
    private Instant lastAt;

    BacktestRun(BacktestCommand command, BacktestPublisher publisher, Clock clock) {
        this.command = command;
        this.publisher = publisher;
        this.clock = clock;
    }

    String runId() {
        return command.runId();
    }

    BacktestCommand command() {
        return command;
    }

    State state() {
        return state;
    }

    boolean cancelled() {
        return cancelled;
    }

    /** Asks the run to stop at its next row; its thread is interrupted by the runner. */
    void cancel() {
        cancelled = true;
    }

    void started(RunInput opened) {
        this.input = opened;
        this.startedAt = clock.instant();
    }

    void finish(State end, String why) {
        this.error = why;
        this.state = end;
    }

    /** Rows handed to the publisher and not yet acknowledged or dead-lettered. */
    long outstanding() {
        return rows.outstanding();
    }

    long labelsOutstanding() {
        return labels.outstanding();
    }

    /** Rows that reached Kafka's replay topics (not dead-lettered, not bad). */
    long handedRows() {
        return read.get() - bad.get();
    }

    @Override
    public void onTick(Tick tick) throws InterruptedException {
        stopIfCancelled();
        order.before(Topics.MARKET_CRYPTO_REPLAY);
        publisher.publishAndWait(Topics.MARKET_CRYPTO_REPLAY, tick.withRunId(runId()), rows);
        handed(tick.eventTime());
    }

    /** The bar already carries the run id (the candle file is read with it). */
    @Override
    public void onBar(SourceBar bar) throws InterruptedException {
        stopIfCancelled();
        order.before(Topics.MARKET_SOURCE_BARS_REPLAY);
        publisher.publishAndWait(Topics.MARKET_SOURCE_BARS_REPLAY, bar, rows);
        handed(bar.eventTime());
    }

    void onQuote(Quote quote) throws InterruptedException {
        stopIfCancelled();
        order.before(Topics.MARKET_QUOTES_REPLAY);
        publisher.publishAndWait(Topics.MARKET_QUOTES_REPLAY, quote, rows);
        handed(quote.eventTime());
    }

    /** Ground truth is no input row: published beside the rows, not counted among them. */
    @Override
    public void onLabel(AnomalyLabel label) {
        try {
            publisher.publishLabelAndWait(Topics.MARKET_LABELS_REPLAY, new AnomalyLabel(label.eventId() + ":" + runId(),
                    label.symbol(), label.kind(), label.start(), label.end(), label.magnitude(), runId()), labels);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the next row stops the run
        }
    }

    @Override
    public void onBadRow(long line, String reason) {
        synchronized (firstBad) {
            if (firstBad.size() < BAD_ROWS_KEPT) {
                firstBad.add(new BacktestProgress.BadRow(line, reason));
            }
        }
        bad.incrementAndGet();
        read.incrementAndGet();
    }

    private void stopIfCancelled() throws InterruptedException {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            Thread.interrupted();
            throw new InterruptedException("run " + runId() + " stopped");
        }
    }

    private void handed(Instant eventTime) {
        read.incrementAndGet();
        if (from == null || eventTime.isBefore(from)) {
            from = eventTime;
        }
        if (reached == null || eventTime.isAfter(reached)) {
            reached = eventTime;
        }
    }

    /** Where the run stands now: counts from what Kafka acknowledged, the recent rate and the time left. */
    synchronized BacktestProgress progress() {
        Instant now = clock.instant();
        long rowsRead = read.get();
        double rate = rate(now, rowsRead);
        List<BacktestProgress.BadRow> bads;
        synchronized (firstBad) {
            bads = List.copyOf(firstBad);
        }
        RunInput in = input;
        return new BacktestProgress(runId(), state, rowsRead, rows.acknowledged(), rows.deadLettered(), bad.get(),
                bads, from, reached, rate, state == State.RUNNING ? eta(now, in) : Long.valueOf(0),
                in == null ? 0 : in.bytesRead(), in == null ? 0 : in.bytesTotal(), error, now);
    }

    /** Rows per second since the last report while running; over the whole run once it ended. */
    private double rate(Instant now, long rowsRead) {
        if (startedAt == null) {
            return 0;
        }
        double rate;
        if (state.finished() || lastAt == null) {
            rate = perSecond(rowsRead, Duration.between(startedAt, now));
        } else {
            rate = perSecond(rowsRead - lastRead, Duration.between(lastAt, now));
        }
        lastRead = rowsRead;
        lastAt = now;
        return rate;
    }

    private static double perSecond(long count, Duration over) {
        double seconds = over.toNanos() / 1e9;
        return seconds <= 0 ? 0 : Math.round(count / seconds * 10) / 10.0;
    }

    /**
     * Seconds left at the pace so far: from the bytes read of the file's total, or for an archive range from the
     * event time reached within it. {@code null} before anything is known.
     */
    private Long eta(Instant now, RunInput in) {
        if (startedAt == null || in == null) {
            return null;
        }
        double done;
        if (in.bytesTotal() > 0) {
            done = (double) in.bytesRead() / in.bytesTotal();
        } else if (command.input() != null && command.input().from() != null && command.input().to() != null
                && reached != null) {
            long whole = Duration.between(command.input().from(), command.input().to()).toMillis();
            done = whole <= 0 ? 1 : (double) Duration.between(command.input().from(), reached).toMillis() / whole;
        } else {
            return null;
        }
        if (done <= 0) {
            return null;
        }
        double elapsed = Duration.between(startedAt, now).toMillis() / 1000.0;
        return Math.max(0, Math.round(elapsed * (1 - Math.min(1, done)) / done));
    }
}
