package com.marketpulse.ingestion.source;

import com.marketpulse.ingestion.publish.TickPublisher;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the selected source on the instance that holds the {@link SourceLease}: started when the lease is acquired
 * (at start-up, or when the active instance dies), closed when it is lost, and stopped first on shutdown. Each lease
 * term gets a fresh source: an Alpaca source starts by reading back what Kafka holds and fetching the gap from REST,
 * so a takeover loses no trade Alpaca still serves. Instances without the lease are standbys (healthy, no source).
 */
final class SourceRunner implements SmartLifecycle, SourceLease.Holder {

    private final SourceKind kind;
    private final Supplier<IngestionSource> sources;
    private final SourceLease lease;
    /** Created with the bean (so a bad setting fails the start, as it always did), run in the first term. */
    private IngestionSource unused;
    private volatile IngestionSource current;
    private volatile IngestionSource last;
    private volatile boolean running;

    SourceRunner(SourceKind kind, Supplier<IngestionSource> sources, SourceLease lease) {
        this.kind = kind;
        this.sources = sources;
        this.lease = lease;
        this.unused = sources.get();
        this.last = unused;
    }

    SourceKind kind() {
        return kind;
    }

    String venue() {
        return last.venue();
    }

    SourceStatus status() {
        if (!running) {
            return SourceStatus.down("stopped", "the source is not running");
        }
        IngestionSource source = current;
        return source != null ? source.status()
                : SourceStatus.up("standby", "another instance holds the live source's lease; this one takes over "
                        + "when it stops or dies");
    }

    @Override
    public synchronized void acquired() {
        IngestionSource source = unused != null ? unused : sources.get();
        unused = null;
        last = source;
        source.start();
        current = source;
    }

    @Override
    public synchronized void released() {
        IngestionSource source = current;
        current = null;
        if (source != null) {
            source.close();
        }
    }

    @Override
    public void start() {
        running = true;
        lease.start(this);
    }

    @Override
    public void stop() {
        running = false;
        lease.close();
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
