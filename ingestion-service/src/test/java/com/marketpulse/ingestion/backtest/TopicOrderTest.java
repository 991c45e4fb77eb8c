package com.marketpulse.ingestion.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marketpulse.ingestion.publish.Receipts;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * A run's record for another replay topic is handed over only once Kafka acknowledged the records before it, so the
 * broker holds a symbol's trades, quotes and bars in event-time order and feature-service reads them as they
 * happened.
 */
class TopicOrderTest {

    private final Receipts receipts = new Receipts();
    private final TopicOrder order = new TopicOrder(receipts);

    @Test
    void recordsOfOneTopicFollowEachOtherWithoutWaitingForAcknowledgements() throws InterruptedException {
        order.before("quotes");
        receipts.countHanded();
        order.before("quotes");
        receipts.countHanded();
        order.before("quotes");

        assertThat(receipts.outstanding()).isEqualTo(2);
    }

    @Test
    void aRecordOfAnotherTopicWaitsUntilTheRecordsBeforeItAreAcknowledged() throws InterruptedException {
        order.before("quotes");
        receipts.countHanded();
        receipts.countHanded();
        CountDownLatch handedBar = new CountDownLatch(1);
        Thread publishing = Thread.ofPlatform().start(() -> {
            try {
                order.before("bars");
                handedBar.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> publishing.getState() == Thread.State.TIMED_WAITING);
        receipts.countAcknowledged();
        assertThat(handedBar.getCount()).as("one quote still unacknowledged").isEqualTo(1);
        receipts.countDeadLettered();
        publishing.join(Duration.ofSeconds(10));

        assertThat(handedBar.getCount()).as("every quote settled: the bar may follow").isZero();
    }
}
