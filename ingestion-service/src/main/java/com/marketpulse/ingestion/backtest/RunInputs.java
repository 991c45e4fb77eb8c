package com.marketpulse.ingestion.backtest;

import com.marketpulse.events.BacktestCommand;
import com.marketpulse.settings.MarketPulseSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/** Opens a run's input: a file of the shared upload directory, or a range of the product's archive. */
final class RunInputs {

    private final UploadFiles uploads;
    private final MarketPulseSettings.Edge edge;
    private final Clock clock;
    private final Path archive;
    private final int maxSymbols;

    RunInputs(MarketPulseSettings settings, Clock clock) {
        this.uploads = new UploadFiles(settings.backtest().uploadDirectory());
        this.edge = settings.edge();
        this.clock = clock;
        this.archive = settings.archive().directory();
        this.maxSymbols = settings.edge().maxReplaySymbols();
    }

    /** @throws IllegalArgumentException saying why the input cannot be replayed */
    RunInput open(BacktestCommand command) throws IOException {
        BacktestCommand.Input input = command.input();
        return switch (input.source()) {
            case UPLOAD -> UploadInput.of(uploads, input.file(), input.format(), input.symbol(), edge, clock);
            case ARCHIVE -> ArchiveInput.of(archive, input.symbols(), input.from(), input.to(), maxSymbols);
        };
    }

    /** For the reason of a run without rows: the archive range it named, or nothing for a file. */
    String range(BacktestCommand command) {
        BacktestCommand.Input input = command.input();
        return input.source() == BacktestCommand.Source.ARCHIVE
                ? " for " + input.symbols() + " from " + input.from() + " to " + input.to() : "";
    }
}
