package com.marketpulse.api.contract;

/** Where a backtest job stands. */
public enum BacktestState {
    /** Accepted and its start command published; ingestion has not reported yet. */
    QUEUED,
    /** ingestion-service is replaying its input. */
    RUNNING,
    /** Every row is in Kafka; feature-service and detection-service are still working through them. */
    DRAINING,
    /** The pipeline has judged every row: the report is complete. */
    DONE,
    FAILED,
    CANCELLED;

    /** Whether the job still uses a slot of its owner's running backtests. */
    public boolean active() {
        return this == QUEUED || this == RUNNING || this == DRAINING;
    }
}
