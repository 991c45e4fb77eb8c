package com.marketpulse.ingestion.replay;

import com.marketpulse.events.AnomalyLabel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Replays a CSV or Parquet trades file at a chosen speed: the n-th trade goes out when
 * {@code (t_n - t_0) / speed} of wall time has passed since the first. Bad rows are reported with their line
 * number and skipped; labelled rows become ground-truth episodes.
 */
public final class FileReplayer {

    /** Trade ids remembered per file to tell a duplicate row; older ones are forgotten (memory stays bounded). */
    static final int REMEMBERED_IDS = 100_000;

    private final ReplaySpeed speed;
    private final Pacer pacer;
    private final RowCheck check;

    public FileReplayer(ReplaySpeed speed, Pacer pacer) {
        this(speed, pacer, RowCheck.none());
    }

    public FileReplayer(ReplaySpeed speed, Pacer pacer, RowCheck check) {
        this.speed = speed;
        this.pacer = pacer;
        this.check = check;
    }

    public ReplaySummary replay(Path file, ReplaySink sink) throws IOException, InterruptedException {
        try (TradeFile trades = TradeFile.open(file)) {
            return replay(trades, file.getFileName().toString(), sink);
        }
    }

    /** Replays an open file of trades ({@code fileName} names its labels); the caller closes it. */
    public ReplaySummary replay(TradeFile trades, String fileName, ReplaySink sink)
            throws IOException, InterruptedException {
        LabelEpisodes episodes = new LabelEpisodes(fileName);
        long read = 0;
        long published = 0;
        long skipped = 0;
        long labels = 0;
        Instant first = null;
        Instant last = null;
        ReplayPacing pacing = new ReplayPacing(speed, pacer);
        Map<String, Long> ids = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > REMEMBERED_IDS;
            }
        };
        {
            TradeRow row;
            while ((row = trades.next()) != null) {
                read++;
                switch (row) {
                    case TradeRow.Bad bad -> {
                        skipped++;
                        sink.onBadRow(bad.line(), bad.reason());
                    }
                    case TradeRow.Trade trade -> {
                        Optional<String> refused = refused(trade, ids);
                        if (refused.isPresent()) {
                            skipped++;
                            sink.onBadRow(trade.line(), refused.get());
                            continue;
                        }
                        Instant time = trade.tick().eventTime();
                        pacing.awaitEvent(time);
                        if (first == null) {
                            first = time;
                        }
                        for (AnomalyLabel label : episodes.accept(trade.tick(), trade.label())) {
                            sink.onLabel(label);
                            labels++;
                        }
                        sink.onTick(trade.tick());
                        published++;
                        last = time;
                    }
                }
            }
        }
        for (AnomalyLabel label : episodes.finish()) {
            sink.onLabel(label);
            labels++;
        }
        return new ReplaySummary(read, published, skipped, labels, first, last);
    }

    /**
     * A row whose trade id (from the file's own id column) its symbol had already: a duplicate, published once; or
     * one the edge limits refuse. Rows without an id column get their line as id and are never duplicates.
     */
    private Optional<String> refused(TradeRow.Trade trade, Map<String, Long> ids) {
        String key = trade.tick().symbol() + " " + trade.tick().tradeId();
        Long firstLine = ids.putIfAbsent(key, trade.line());
        if (firstLine != null) {
            return Optional.of("duplicate trade " + trade.tick().tradeId() + " of " + trade.tick().symbol()
                    + " (first on line " + firstLine + ")");
        }
        return check.reject(trade.tick().symbol(), trade.tick().eventTime());
    }
}
