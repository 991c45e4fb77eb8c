package com.marketpulse.ingestion.backtest;

import java.io.IOException;

/** What one run replays: an uploaded file or a range of the archive, read as it is replayed (never whole). */
interface RunInput {

    /** Replays the whole input into the run; interrupted when the run is cancelled or the service stops. */
    void replay(BacktestRun run) throws IOException, InterruptedException;

    /** Bytes of the input read so far, for the estimate of the time left (0 when the input is no file). */
    long bytesRead();

    /** Bytes of the whole input (0 when it is no file). */
    long bytesTotal();

    /** What is replayed, for the log. */
    String describe();
}
