package com.marketpulse.detection.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.marketpulse.detection.DetectionServiceProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.BackOffHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The service's error handler driven through a long outage on a virtual clock: its back-off waits are added up
 * instead of slept, so 24 hours of retries take milliseconds.
 */
class OutageRetryTest {

    private static final Duration DAY = Duration.ofHours(24);

    private final DeadLetterPublishingRecoverer deadLetters = mock(DeadLetterPublishingRecoverer.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final VirtualWaits waits = new VirtualWaits();
    private final Consumer<?, ?> consumer = mock(Consumer.class);
    private final MessageListenerContainer container = mock(MessageListenerContainer.class);
    private final ConsumerRecord<?, ?> features = new ConsumerRecord<>("market.features", 0, 42L, "BTC/USD", "{}");

    /** The production defaults: 1 s doubling to 30 s. */
    private final ListenerErrors handler = new ListenerErrors(KafkaConfig.errorHandler(deadLetters, meters,
            KafkaConfig.infrastructureBackOff(new DetectionServiceProperties.Retry(Duration.ofSeconds(1),
                    Duration.ofSeconds(30))), waits));

    @Test
    void aDatabaseOutageOfADayIsWaitedOutAndTheRecordIsNeverDeadLettered() {
        var databaseDown = new ListenerExecutionFailedException("listener failed",
                new CannotGetJdbcConnectionException("Connection refused"));

        int attempts = 0;
        while (waits.elapsed.compareTo(DAY) <= 0) {
            assertThat(handler.failsAndRetries(databaseDown, features, consumer, container)).isTrue();
            attempts++;
        }

        verify(deadLetters, never()).accept(any(), any());
        assertThat(meters.find("marketpulse.detection.dead.letters").counters()).isEmpty();
        // never more than the ceiling between two attempts: the record is tried again within 30 s of the return
        assertThat(waits.longest).isEqualTo(Duration.ofSeconds(30));
        assertThat(attempts).isGreaterThan((int) (DAY.toSeconds() / 30));
    }

    @Test
    void aBrokerTimeoutIsWaitedOutToo() {
        var brokerDown = new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("could not publish alert", new TimeoutException("expired")));

        while (waits.elapsed.compareTo(DAY) <= 0) {
            assertThat(handler.failsAndRetries(brokerDown, features, consumer, container)).isTrue();
        }

        verify(deadLetters, never()).accept(any(), any());
    }

    @Test
    void aRecordThatCanNeverSucceedIsDeadLetteredAtOnceWithItsReason() {
        var poison = new ListenerExecutionFailedException("listener failed",
                new RejectedRecordException("invalid", "price must be a positive finite number: NaN"));

        assertThat(handler.failsAndRetries(poison, features, consumer, container)).isFalse();

        verify(deadLetters, times(1)).accept(any(), any());
        assertThat(meters.get("marketpulse.detection.dead.letters").tag("topic", "market.features")
                .tag("reason", "invalid").counter().count()).isEqualTo(1.0);
        assertThat(waits.elapsed).isZero();
    }

    /** A back-off handler that only adds up the waits it is asked for. */
    private static final class VirtualWaits implements BackOffHandler {

        Duration elapsed = Duration.ZERO;
        Duration longest = Duration.ZERO;

        @Override
        public void onNextBackOff(MessageListenerContainer container, Exception exception, long nextBackOff) {
            Duration wait = Duration.ofMillis(nextBackOff);
            elapsed = elapsed.plus(wait);
            longest = wait.compareTo(longest) > 0 ? wait : longest;
        }
    }

    /** The record listener container's use of the handler: it throws while the record is to be retried. */
    private record ListenerErrors(org.springframework.kafka.listener.DefaultErrorHandler handler) {

        boolean failsAndRetries(Exception e, ConsumerRecord<?, ?> record, Consumer<?, ?> consumer,
                                MessageListenerContainer container) {
            try {
                handler.handleRemaining(e, List.of(record), consumer, container);
                return false;
            } catch (RuntimeException stillInRetry) { // the container seeks back and tries again
                return true;
            }
        }
    }
}
