package com.marketpulse.ingestion.publish;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What became of the records one caller (a replay) handed to the publisher: acknowledged by Kafka on their topic,
 * or dead-lettered (rejected at the edge or refused by the broker for good; the dead letter itself acknowledged).
 * Lets a replay say what Kafka holds, not what it handed over.
 */
public final class Receipts {

    private final AtomicLong handed = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();

    public void countHanded() {
        handed.incrementAndGet();
    }

    public void countAcknowledged() {
        acknowledged.incrementAndGet();
        wakeIfSettled();
    }

    public void countDeadLettered() {
        deadLettered.incrementAndGet();
        wakeIfSettled();
    }

    /** Waits until every record handed over so far is acknowledged or dead-lettered. */
    public void awaitSettled() throws InterruptedException {
        synchronized (this) {
            while (outstanding() > 0) {
                // timed: a settle between the check and the wait is seen within a millisecond
                wait(1);
            }
        }
    }

    private void wakeIfSettled() {
        if (outstanding() == 0) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** Records acknowledged by Kafka on the topic they were meant for. */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Records on a dead-letter topic instead, each with the reason in its headers. */
    public long deadLettered() {
        return deadLettered.get();
    }

    /** Handed over and not settled yet (neither acknowledged nor dead-lettered). */
    public long outstanding() {
        return handed.get() - acknowledged.get() - deadLettered.get();
    }
}
