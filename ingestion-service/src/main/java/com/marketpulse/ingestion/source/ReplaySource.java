package com.marketpulse.ingestion.source;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.files.CandleFormat;
import com.marketpulse.ingestion.publish.Receipts;
import com.marketpulse.ingestion.publish.TickPublisher;
import com.marketpulse.ingestion.replay.CandleReplayer;
import com.marketpulse.ingestion.replay.FileReplayer;
import com.marketpulse.ingestion.replay.Pacer;
import com.marketpulse.ingestion.replay.ReplayFormat;
import com.marketpulse.ingestion.replay.ReplayInput;
import com.marketpulse.ingestion.replay.ReplaySink;
import com.marketpulse.ingestion.replay.ReplaySpeed;
import com.marketpulse.ingestion.replay.ReplaySummary;
import com.marketpulse.ingestion.replay.RowCheck;
import com.marketpulse.settings.MarketPulseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Replays a file once: trades to market.crypto, 1-minute candles (each at its close) to market.source-bars; with a
 * run id to market.crypto.replay or market.source-bars.replay for a backtest (every event then carries the run id).
 * Waits for the publisher when it is full (back-pressure, never a drop), checks each row against the edge limits
 * (a refused row is a bad row with its line number), and logs each bad row with its line number and a summary at
 * the end, counting what Kafka acknowledged: every row read is published, dead-lettered or a bad row.
 */
final class ReplaySource implements IngestionSource, ReplaySink {

    private static final Logger log = LoggerFactory.getLogger(ReplaySource.class);
    private static final int BAD_ROWS_LOGGED = 100;
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(60);

    private final Path file;
    private final ReplayFormat format;
    private final String symbol;
    private final ReplaySpeed speed;
    private final String runId;
    private final MarketPulseSettings.Edge edge;
    private final TickPublisher publisher;
    private final Clock clock;
    private final Receipts receipts = new Receipts();
    private final String tradeTopic;
    private final String barTopic;
    private ReplayInput input;
    private Thread worker;
    private volatile String venue = "replay";
    private volatile SourceStatus status;
    private long badRows;
    private String firstBadRow;

    ReplaySource(Path file, ReplayFormat format, String symbol, ReplaySpeed speed, String runId,
                 MarketPulseSettings.Edge edge, TickPublisher publisher, Clock clock) {
        this.edge = edge;
        this.file = file;
        this.format = format;
        this.symbol = symbol;
        this.speed = speed;
        this.runId = runId == null || runId.isBlank() ? null : runId.trim();
        this.publisher = publisher;
        this.clock = clock;
        this.tradeTopic = this.runId == null ? Topics.MARKET_CRYPTO : Topics.MARKET_CRYPTO_REPLAY;
        this.barTopic = this.runId == null ? Topics.MARKET_SOURCE_BARS : Topics.MARKET_SOURCE_BARS_REPLAY;
        this.status = SourceStatus.up("starting", "replay of " + file + " not started yet");
    }

    @Override
    public void start() {
        if (!Files.isReadable(file)) {
            fail("replay file " + file.toAbsolutePath() + " is missing or unreadable (MARKETPULSE_REPLAY_FILE)");
            return;
        }
        try {
            input = ReplayInput.of(file, format, symbol);
        } catch (IOException | IllegalArgumentException e) {
            fail("cannot replay " + file + ": " + e.getMessage());
            return;
        }
        venue = input.venue();
        if (input.layout() == CandleFormat.BARS_CSV && symbol != null && !symbol.isBlank()) {
            log.warn("MARKETPULSE_REPLAY_SYMBOL={} is ignored: {} is a bars CSV, whose rows name their symbols",
                    symbol, file.getFileName());
        }
        String topic = input.format() == ReplayFormat.TRADES ? tradeTopic : barTopic;
        log.info("Replaying {} ({}) at {} speed to {}{}", file, input.describe(), speed, topic,
                runId == null ? "" : " as run " + runId);
        status = SourceStatus.up("replaying", "replaying " + file + " (" + input.describe() + ") at " + speed
                + " speed to " + topic);
        worker = Thread.ofPlatform().name("replay").daemon().start(this::run);
    }

    private void fail(String detail) {
        status = SourceStatus.down("failed", detail);
        log.error("Cannot replay: {}", detail);
    }

    private void run() {
        try {
            String detail = input.format() == ReplayFormat.TRADES ? replayTrades() : replayCandles();
            log.info("Replay finished: {}", detail);
            status = SourceStatus.up("finished", detail);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = SourceStatus.up("stopped", "replay of " + file + " stopped before its end");
        } catch (Exception e) {
            log.error("Replay of {} failed: {}", file, e.getMessage(), e);
            status = SourceStatus.down("failed", "replay of " + file + " failed: " + e.getMessage());
        }
    }

    private String replayTrades() throws IOException, InterruptedException {
        ReplaySummary summary = new FileReplayer(speed, Pacer.wallClock(clock), new RowCheck(edge, clock))
                .replay(file, this);
        return "replayed %s: %d rows read, %s, %s, %d labels, trades from %s to %s".formatted(file, summary.read(),
                delivered("trades"), skipped(), summary.labels(), summary.firstTrade(), summary.lastTrade());
    }

    private String replayCandles() throws IOException, InterruptedException {
        CandleReplayer.Summary summary = new CandleReplayer(speed, Pacer.wallClock(clock),
                new RowCheck(edge, clock)).replay(input.candles(runId), this);
        return "replayed %s (%s): %d rows read, %s, %s, bars closing from %s to %s".formatted(file,
                input.describe(), summary.bars() + summary.badRows(), delivered("bars"), skipped(),
                summary.firstClose(), summary.lastClose());
    }

    /**
     * What Kafka acknowledged, counted record by record: every row handed over is published (acknowledged on its
     * topic), dead-lettered (refused by the broker or the edge check, with the reason in the dead letter), or still
     * unacknowledged after the wait (said so, never called published).
     */
    private String delivered(String what) {
        publisher.flush(FLUSH_TIMEOUT);
        long outstanding = receipts.outstanding();
        String count = outstanding == 0
                ? "%d %s published, all acknowledged by Kafka".formatted(receipts.acknowledged(), what)
                : "%d %s published and acknowledged by Kafka, %d not acknowledged within %d s".formatted(
                receipts.acknowledged(), what, outstanding, FLUSH_TIMEOUT.toSeconds());
        return receipts.deadLettered() == 0 ? count : count + ", " + receipts.deadLettered()
                + " dead-lettered (refused by Kafka; on the dead-letter topic with the reason)";
    }

    private String skipped() {
        return badRows + " bad rows skipped" + (firstBadRow == null ? "" : " (first: " + firstBadRow + ")");
    }

    /** Waits while the publisher is full (back-pressure): a replay never drops a row. */
    @Override
    public void onTick(Tick tick) throws InterruptedException {
        publisher.publishAndWait(tradeTopic, runId == null ? tick : tick.withRunId(runId), receipts);
    }

    /** The bar already carries the run id: {@link ReplayInput#candles} reads it in. */
    @Override
    public void onBar(SourceBar bar) throws InterruptedException {
        publisher.publishAndWait(barTopic, bar, receipts);
    }

    @Override
    public void onLabel(AnomalyLabel label) {
        publisher.publishLabel(runId == null ? label : new AnomalyLabel(label.eventId(), label.symbol(), label.kind(),
                label.start(), label.end(), label.magnitude(), runId));
    }

    @Override
    public void onBadRow(long line, String reason) {
        badRows++;
        if (firstBadRow == null) {
            firstBadRow = "line " + line + ": " + reason;
        }
        if (badRows <= BAD_ROWS_LOGGED) {
            log.warn("{} line {}: {}; row skipped", file.getFileName(), line, reason);
        } else if (badRows == BAD_ROWS_LOGGED + 1) {
            log.warn("More bad rows in {}; only the count is reported from here on", file.getFileName());
        }
    }

    @Override
    public String venue() {
        return venue;
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
