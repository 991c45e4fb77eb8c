package com.marketpulse.ingestion.source;

/** A running source of ticks: started after the publisher, stopped before it. */
interface IngestionSource extends AutoCloseable {

    /** Starts producing in the background. */
    void start();

    /** The venue its events name: Alpaca's location ({@code us}, {@code us-1}, {@code eu-1}), else the source. */
    String venue();

    /** Whether the source is doing its job, and what it is doing (shown by /actuator/health). */
    SourceStatus status();

    /** Stops producing; what was handed to the publisher is still flushed by it. */
    @Override
    void close();
}
