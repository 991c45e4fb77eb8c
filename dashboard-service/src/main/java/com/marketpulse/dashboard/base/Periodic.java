package com.marketpulse.dashboard.base;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task at once and then every {@code interval} on its own virtual thread until {@link #close()}, for
 * a screen that refreshes itself (prices, pipeline status). A failing run is logged and the next one comes.
 */
public final class Periodic implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Periodic.class);

    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;

    private Periodic(String name, Duration interval, Runnable task) {
        this.thread = Thread.ofVirtual().name(name).unstarted(() -> loop(interval, task));
    }

    public static Periodic start(String name, Duration interval, Runnable task) {
        var periodic = new Periodic(name, interval, task);
        periodic.thread.start();
        return periodic;
    }

    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    @Override
    public void close() {
        closed.countDown();
        thread.interrupt();
    }

    private void loop(Duration interval, Runnable task) {
        try {
            do {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("A periodic refresh failed", e);
                }
            } while (!closed.await(interval.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
