package com.marketpulse.api.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A value computed at most once per period and shared: callers during a computation wait for it instead of
 * starting their own, callers within {@code ttl} of its start get it as it is. A failed computation is not kept,
 * so the next caller tries again.
 */
final class SharedComputation<T> {

    private record Entry<T>(CompletableFuture<T> value, Instant startedAt) {
    }

    private final Supplier<T> compute;
    private final Duration ttl;
    private final Clock clock;
    private Entry<T> current;

    SharedComputation(Supplier<T> compute, Duration ttl, Clock clock) {
        this.compute = compute;
        this.ttl = ttl;
        this.clock = clock;
    }

    T get() {
        Entry<T> entry;
        boolean mine = false;
        synchronized (this) {
            Instant now = clock.instant();
            if (current == null || stale(current, now)) {
                current = new Entry<>(new CompletableFuture<>(), now);
                mine = true;
            }
            entry = current;
        }
        if (mine) {
            try {
                entry.value().complete(compute.get());
            } catch (RuntimeException | Error e) {
                entry.value().completeExceptionally(e);
                throw e;
            }
        }
        try {
            return entry.value().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private boolean stale(Entry<T> entry, Instant now) {
        if (!entry.value().isDone()) {
            return false;
        }
        return entry.value().isCompletedExceptionally() || !now.isBefore(entry.startedAt().plus(ttl));
    }
}
