package com.marketpulse.ingestion.backtest;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until Kafka has settled every row a run handed over (acknowledged or dead-lettered), so its report counts
 * what Kafka holds. While the broker is away the publisher retries without a limit and so does this wait; only a
 * wait with no record settled for {@link #STALLED} gives up.
 */
final class RunSettle {

    static final Duration STALLED = Duration.ofMinutes(5);
    private static final Duration QUIET_LIMIT = Duration.ofSeconds(30);

    /** Rows still not settled after the wait. */
    static final class NotAcknowledged extends RuntimeException {
        NotAcknowledged(long outstanding) {
            super(outstanding + " rows not acknowledged by Kafka within " + STALLED.toMinutes()
                    + " minutes of no progress");
        }
    }

    private RunSettle() {
    }

    static void await(BacktestRun run) throws InterruptedException {
        if (!await(run, STALLED, true)) {
            throw new NotAcknowledged(run.outstanding());
        }
        await(run, QUIET_LIMIT, false); // the labels: ground truth, not rows
    }

    /** After a cancel or stop: what was handed over is still sent; wait for it a while, uninterruptibly. */
    static void awaitQuietly(BacktestRun run) {
        boolean interrupted = Thread.interrupted();
        try {
            await(run, QUIET_LIMIT, true);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean await(BacktestRun run, Duration stalled, boolean rows) throws InterruptedException {
        long last = outstanding(run, rows);
        long since = System.nanoTime();
        while (last > 0) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            long now = outstanding(run, rows);
            if (now != last) {
                last = now;
                since = System.nanoTime();
            } else if (System.nanoTime() - since > stalled.toNanos()) {
                return false;
            }
        }
        return true;
    }

    private static long outstanding(BacktestRun run, boolean rows) {
        return rows ? run.outstanding() : run.labelsOutstanding();
    }
}
