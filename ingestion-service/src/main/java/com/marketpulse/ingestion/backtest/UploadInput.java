package com.marketpulse.ingestion.backtest;

import com.marketpulse.ingestion.replay.CandleReplayer;
import com.marketpulse.ingestion.replay.FileReplayer;
import com.marketpulse.ingestion.replay.Pacer;
import com.marketpulse.ingestion.replay.ReplayFormat;
import com.marketpulse.ingestion.replay.ReplayInput;
import com.marketpulse.ingestion.replay.ReplaySpeed;
import com.marketpulse.ingestion.replay.RowCheck;
import com.marketpulse.ingestion.replay.TradeFile;
import com.marketpulse.settings.MarketPulseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An uploaded file, replayed as fast as Kafka takes it with the replay source's own readers: trades (CSV or Parquet)
 * or 1-minute candles (Binance klines or a bars CSV, gzipped or not), each row checked at the edge as a replay's are.
 */
final class UploadInput implements RunInput {

    private final ReplayInput input;
    private final MarketPulseSettings.Edge edge;
    private final Clock clock;
    private final long size;
    private final AtomicLong candleBytes = new AtomicLong();
    private volatile TradeFile trades;

    private UploadInput(ReplayInput input, MarketPulseSettings.Edge edge, Clock clock) throws IOException {
        this.input = input;
        this.edge = edge;
        this.clock = clock;
        this.size = Files.size(input.file());
    }

    /**
     * The upload named by the command, told apart as {@link ReplayInput#of} tells replay files.
     *
     * @param format {@code trades-csv}, {@code trades-parquet}, {@code candles} or {@code null} (told by the file)
     * @throws IllegalArgumentException saying why the file cannot be replayed
     */
    static UploadInput of(UploadFiles uploads, String file, String format, String symbol,
                          MarketPulseSettings.Edge edge, Clock clock) throws IOException {
        ReplayInput input;
        try {
            input = ReplayInput.of(uploads.resolve(file), format(format), symbol);
        } catch (IllegalArgumentException e) {
            // the replay source's messages name its environment variables; a run names its symbol and format
            throw new IllegalArgumentException(e.getMessage().replace("MARKETPULSE_REPLAY_SYMBOL", "the run's symbol")
                    .replace("MARKETPULSE_REPLAY_FORMAT", "the run's format"), e);
        }
        return new UploadInput(input, edge, clock);
    }

    static ReplayFormat format(String format) {
        if (format == null || format.isBlank()) {
            return ReplayFormat.AUTO;
        }
        return switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "trades-csv", "trades-parquet", "trades" -> ReplayFormat.TRADES;
            case "candles" -> ReplayFormat.CANDLES;
            default -> throw new IllegalArgumentException("unknown format '" + format
                    + "': trades-csv, trades-parquet or candles");
        };
    }

    @Override
    public void replay(BacktestRun run) throws IOException, InterruptedException {
        if (input.format() == ReplayFormat.TRADES) {
            try (TradeFile file = TradeFile.open(input.file())) {
                trades = file;
                new FileReplayer(ReplaySpeed.MAX, Pacer.wallClock(clock), new RowCheck(edge, clock))
                        .replay(file, input.file().getFileName().toString(), run);
            }
        } else {
            new CandleReplayer(ReplaySpeed.MAX, Pacer.wallClock(clock), new RowCheck(edge, clock))
                    .replay(input.candles(run.runId()), run, candleBytes);
        }
    }

    @Override
    public long bytesRead() {
        TradeFile file = trades;
        return file != null ? file.bytesRead() : candleBytes.get();
    }

    @Override
    public long bytesTotal() {
        return size;
    }

    @Override
    public String describe() {
        return input.file().getFileName() + " (" + input.describe() + ", " + size + " bytes)";
    }
}
