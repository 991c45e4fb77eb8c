package com.marketpulse.ingestion.source;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.ingestion.publish.TickPublisher;
import com.marketpulse.ingestion.replay.FileReplayer;
import com.marketpulse.ingestion.replay.Pacer;
import com.marketpulse.ingestion.replay.ReplaySink;
import com.marketpulse.ingestion.replay.ReplaySpeed;
import com.marketpulse.ingestion.replay.ReplaySummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Replays a trades file once: to market.crypto, or with a run id to market.crypto.replay for a backtest (every
 * tick and label then carries the run id). Logs each bad row with its line number and a summary at the end.
 */
final class ReplaySource implements IngestionSource, ReplaySink {

    private static final Logger log = LoggerFactory.getLogger(ReplaySource.class);
    private static final int BAD_ROWS_LOGGED = 100;

    private final Path file;
    private final ReplaySpeed speed;
    private final String runId;
    private final TickPublisher publisher;
    private final Clock clock;
    private final String topic;
    private Thread worker;
    private volatile SourceStatus status;
    private long badRows;

    ReplaySource(Path file, ReplaySpeed speed, String runId, TickPublisher publisher, Clock clock) {
        this.file = file;
        this.speed = speed;
        this.runId = runId == null || runId.isBlank() ? null : runId.trim();
        this.publisher = publisher;
        this.clock = clock;
        this.topic = this.runId == null ? Topics.MARKET_CRYPTO : Topics.MARKET_CRYPTO_REPLAY;
        this.status = SourceStatus.up("starting", "replay of " + file + " not started yet");
    }

    @Override
    public void start() {
        if (!Files.isReadable(file)) {
            status = SourceStatus.down("failed", "replay file " + file.toAbsolutePath() + " is missing or unreadable"
                    + " (MARKETPULSE_REPLAY_FILE)");
            log.error("Cannot replay: {}", status.detail());
            return;
        }
        log.info("Replaying {} at {} speed to {}{}", file, speed, topic, runId == null ? "" : " as run " + runId);
        status = SourceStatus.up("replaying", "replaying " + file + " at " + speed + " speed to " + topic);
        worker = Thread.ofPlatform().name("replay").daemon().start(this::run);
    }

    private void run() {
        try {
            ReplaySummary summary = new FileReplayer(speed, Pacer.wallClock(clock)).replay(file, this);
            boolean acknowledged = publisher.flush(Duration.ofSeconds(60));
            String detail = "replayed %s: %d rows read, %d trades published, %d bad rows skipped, %d labels, trades from %s to %s"
                    .formatted(file, summary.read(), summary.published(), summary.skipped(), summary.labels(),
                            summary.firstTrade(), summary.lastTrade());
            log.info("Replay finished: {}{}", detail, acknowledged ? "; all acknowledged by Kafka"
                    : "; some ticks still wait for Kafka");
            status = SourceStatus.up("finished", detail);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = SourceStatus.up("stopped", "replay of " + file + " stopped before its end");
        } catch (Exception e) {
            log.error("Replay of {} failed: {}", file, e.getMessage(), e);
            status = SourceStatus.down("failed", "replay of " + file + " failed: " + e.getMessage());
        }
    }

    @Override
    public void onTick(Tick tick) {
        publisher.publish(topic, runId == null ? tick : tick.withRunId(runId));
    }

    @Override
    public void onLabel(AnomalyLabel label) {
        publisher.publishLabel(runId == null ? label : new AnomalyLabel(label.eventId(), label.symbol(), label.kind(),
                label.start(), label.end(), label.magnitude(), runId));
    }

    @Override
    public void onBadRow(long line, String reason) {
        badRows++;
        if (badRows <= BAD_ROWS_LOGGED) {
            log.warn("{} line {}: {}; row skipped", file.getFileName(), line, reason);
        } else if (badRows == BAD_ROWS_LOGGED + 1) {
            log.warn("More bad rows in {}; only the count is reported from here on", file.getFileName());
        }
    }

    @Override
    public String venue() {
        return "replay";
    }

    @Override
    public SourceStatus status() {
        return status;
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
