package com.marketpulse.ingestion.replay;

import com.marketpulse.events.AnomalyLabel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Replays a CSV or Parquet trades file at a chosen speed: the n-th trade goes out when
 * {@code (t_n - t_0) / speed} of wall time has passed since the first. Bad rows are reported with their line
 * number and skipped; labelled rows become ground-truth episodes.
 */
public final class FileReplayer {

    private final ReplaySpeed speed;
    private final Pacer pacer;

    public FileReplayer(ReplaySpeed speed, Pacer pacer) {
        this.speed = speed;
        this.pacer = pacer;
    }

    public ReplaySummary replay(Path file, ReplaySink sink) throws IOException, InterruptedException {
        LabelEpisodes episodes = new LabelEpisodes(file.getFileName().toString());
        long read = 0;
        long published = 0;
        long skipped = 0;
        long labels = 0;
        Instant first = null;
        Instant last = null;
        ReplayPacing pacing = new ReplayPacing(speed, pacer);
        try (TradeFile trades = TradeFile.open(file)) {
            TradeRow row;
            while ((row = trades.next()) != null) {
                read++;
                switch (row) {
                    case TradeRow.Bad bad -> {
                        skipped++;
                        sink.onBadRow(bad.line(), bad.reason());
                    }
                    case TradeRow.Trade trade -> {
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
}
