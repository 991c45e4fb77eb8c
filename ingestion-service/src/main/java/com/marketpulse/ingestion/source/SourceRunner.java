package com.marketpulse.ingestion.source;

import com.marketpulse.ingestion.publish.TickPublisher;
import org.springframework.context.SmartLifecycle;

/** Starts the selected source once the application is ready, and stops it first on shutdown. */
final class SourceRunner implements SmartLifecycle {

    private final SourceKind kind;
    private final IngestionSource source;
    private volatile boolean running;

    SourceRunner(SourceKind kind, IngestionSource source) {
        this.kind = kind;
        this.source = source;
    }

    SourceKind kind() {
        return kind;
    }

    String venue() {
        return source.venue();
    }

    SourceStatus status() {
        return running ? source.status() : SourceStatus.down("stopped", "the source is not running");
    }

    @Override
    public void start() {
        source.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        source.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return TickPublisher.LIFECYCLE_PHASE + 1000;
    }
}
