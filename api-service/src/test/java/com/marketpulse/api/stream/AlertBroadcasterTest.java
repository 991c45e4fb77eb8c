package com.marketpulse.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.marketpulse.api.TestAlerts;
import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.events.AlertType;

/**
 * One slow client must not hold up the others. The emitters here stand in for the HTTP connection only (a
 * client that stops reading blocks the write, as a full TCP window does); no Kafka or database is involved.
 */
class AlertBroadcasterTest {

    private final AlertBroadcaster broadcaster = new AlertBroadcaster();
    private final CountDownLatch released = new CountDownLatch(1);

    @AfterEach
    void release() {
        released.countDown();
        broadcaster.closeAll();
    }

    /** A client that reads nothing: every write blocks until the test ends. */
    private final class StalledEmitter extends SseEmitter {
        final CountDownLatch writing = new CountDownLatch(1);

        @Override
        public void send(SseEventBuilder builder) throws IOException {
            writing.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                throw new IOException("interrupted", e);
            }
        }
    }

    /** A client that reads everything at once and remembers the alert ids it got. */
    private static final class ReadingEmitter extends SseEmitter {
        final List<String> ids = new CopyOnWriteArrayList<>();

        @Override
        public void send(SseEventBuilder builder) {
            builder.build().stream().map(part -> String.valueOf(part.getData()))
                    .flatMap(String::lines).filter(line -> line.startsWith("id:"))
                    .forEach(line -> ids.add(line.substring(3).strip()));
        }
    }

    private static AlertDto alert(int i) {
        return AlertDto.of(TestAlerts.alert("alert-" + i, "BTC/USD", AlertType.PRICE_SPIKE, 50,
                Instant.parse("2026-11-24T12:00:00Z").plusSeconds(i), null));
    }

    @Test
    void aClientThatStopsReadingDoesNotDelayTheOthers() throws InterruptedException {
        var stalled = new StalledEmitter();
        var reading = new ReadingEmitter();
        broadcaster.subscribe(stalled, null, null);
        broadcaster.subscribe(reading, null, null);
        broadcaster.publish(alert(0));
        assertThat(stalled.writing.await(5, TimeUnit.SECONDS)).as("the stalled client is being written to").isTrue();

        // before, publishing wrote to each client in turn and hung here behind the stalled one
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 1; i <= 10; i++) {
                broadcaster.publish(alert(i));
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> reading.ids.size() == 11);
        assertThat(reading.ids).containsExactly(IntStream.rangeClosed(0, 10)
                .mapToObj(i -> "alert-" + i).toArray(String[]::new));
    }

    @Test
    void aClientTooFarBehindIsDroppedToCatchUpOnReconnectWhileTheOthersGetEverything() throws InterruptedException {
        var stalled = new StalledEmitter();
        var reading = new ReadingEmitter();
        broadcaster.subscribe(stalled, null, null);
        broadcaster.subscribe(reading, null, null);
        broadcaster.publish(alert(0));
        assertThat(stalled.writing.await(5, TimeUnit.SECONDS)).isTrue();

        int alerts = AlertBroadcaster.QUEUE_CAPACITY + 10;
        for (int i = 1; i < alerts; i++) {
            broadcaster.publish(alert(i));
            if (i % 100 == 0) {
                int published = i + 1;
                await().atMost(Duration.ofSeconds(10)).until(() -> reading.ids.size() == published);
            }
        }

        assertThat(broadcaster.size()).as("the stalled client was dropped").isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> reading.ids.size() == alerts);
    }
}
