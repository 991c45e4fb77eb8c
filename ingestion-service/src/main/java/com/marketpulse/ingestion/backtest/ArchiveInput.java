package com.marketpulse.ingestion.backtest;

import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.files.archive.ArchiveRange;
import java.nio.file.Path;
import java.util.List;

/**
 * A range of the product's archive (symbols, from, to), replayed in event-time order as it happened: trades, quotes
 * and source bars, each under the run id on its replay topic. Read one day at a time ({@link ArchiveRange}); the time
 * left is estimated from the event time reached within the range.
 */
final class ArchiveInput implements RunInput {

    private final ArchiveRange range;

    private ArchiveInput(ArchiveRange range) {
        this.range = range;
    }

    /** @throws IllegalArgumentException for no symbols, a symbol that is no pair, too many symbols or an empty range */
    static ArchiveInput of(Path archive, List<String> symbols, java.time.Instant from, java.time.Instant to,
                           int maxSymbols) {
        ArchiveRange range = new ArchiveRange(archive, symbols, from, to);
        if (range.symbols().size() > maxSymbols) {
            throw new IllegalArgumentException(range.symbols().size() + " symbols, more than a run may bring ("
                    + maxSymbols + ", marketpulse.edge.max-replay-symbols)");
        }
        return new ArchiveInput(range);
    }

    @Override
    public void replay(BacktestRun run) throws InterruptedException {
        range.replay(new ArchiveRange.Visitor() {
            @Override
            public void onBar(SourceBar bar) throws InterruptedException {
                run.onBar(bar.withRunId(run.runId()));
            }

            @Override
            public void onQuote(Quote quote) throws InterruptedException {
                run.onQuote(quote.withRunId(run.runId()));
            }

            @Override
            public void onTick(Tick tick) throws InterruptedException {
                run.onTick(tick);
            }
        });
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    public long bytesTotal() {
        return 0;
    }

    @Override
    public String describe() {
        return "the archive's " + range.symbols();
    }
}
