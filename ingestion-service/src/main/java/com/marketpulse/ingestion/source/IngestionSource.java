package com.marketpulse.ingestion.source;

/** A running source of ticks: started after the publisher, stopped before it. */
interface IngestionSource extends AutoCloseable {

    /** Starts producing in the background. */
    void start();

    /** Whether the source is doing its job, and what it is doing (shown by /actuator/health). */
    SourceStatus status();

    /** Stops producing; what was handed to the publisher is still flushed by it. */
    @Override
    void close();
}
