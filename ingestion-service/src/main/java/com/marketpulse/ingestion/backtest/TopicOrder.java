package com.marketpulse.ingestion.backtest;

import com.marketpulse.ingestion.publish.Receipts;

/**
 * Keeps a run's records in event-time order on the broker across its replay topics (trades, quotes, source bars):
 * before the first record of another topic, every record handed over so far must be acknowledged.
 *
 * <p>Why: feature-service reads the three topics as one stream and Kafka Streams takes records already on the
 * broker in timestamp order, but it cannot wait for a record the producer has not appended yet. One producer
 * request may append a later bar before earlier quotes of the same symbol (batches per partition, drained in turn);
 * feature-service would then judge the bar's minute before its quotes, and the backtest would raise a live alert at
 * another time than live did. Waiting at a switch costs one round trip; a file of one kind (trades, candles) never
 * switches, and an archive range switches a few times a minute of market time.
 */
final class TopicOrder {

    private final Receipts receipts;
    private String last;

    TopicOrder(Receipts receipts) {
        this.receipts = receipts;
    }

    /** Called by the run's one publishing thread before handing over a record for {@code topic}. */
    void before(String topic) throws InterruptedException {
        if (last != null && !last.equals(topic)) {
            receipts.awaitSettled();
        }
        last = topic;
    }
}
