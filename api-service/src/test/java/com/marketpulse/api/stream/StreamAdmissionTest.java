package com.marketpulse.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.web.ApiException;

class StreamAdmissionTest {

    private final StreamAdmission admission = new StreamAdmission(new MarketPulseProperties(
            new MarketPulseProperties.Api(false, "", "data", Duration.ofHours(8), 16384,
                    new MarketPulseProperties.Throttle(5, Duration.ofSeconds(60), 20, Duration.ofMinutes(5),
                            Duration.ofSeconds(1), Duration.ofMinutes(15), "", Duration.ofSeconds(30),
                            Duration.ofDays(90), 4, Duration.ofSeconds(2)),
                    new MarketPulseProperties.Status(Map.of(), Duration.ofSeconds(1), Duration.ofSeconds(5)),
                    new MarketPulseProperties.Stream(2, 3, 6, 6, Duration.ofSeconds(10)), null, null)));

    @Test
    void anonymousStreamsAreCappedPerAddressWith429() {
        admission.admit(null, "10.0.0.1");
        admission.admit(null, "10.0.0.1");

        assertThatThrownBy(() -> admission.admit(null, "10.0.0.1"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(e.reason()).isEqualTo("stream-per-address");
                    assertThat(e.retryAfter()).isPositive();
                });
        admission.admit(null, "10.0.0.2");
    }

    @Test
    void signedInStreamsAreCappedPerAccountWhateverTheAddress() {
        for (int i = 0; i < 3; i++) {
            admission.admit(7L, "10.0.0.1");
        }

        assertThatThrownBy(() -> admission.admit(7L, "10.0.0.9"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.reason()).isEqualTo("stream-per-user"));
        admission.admit(8L, "10.0.0.1");
    }

    @Test
    void theTotalIsCappedWith503AndAClosedStreamFreesItsPlaceOnce() {
        StreamAdmission.Ticket first = admission.admit(1L, "a");
        for (long user = 2; user <= 6; user++) {
            admission.admit(user, "a");
        }

        assertThatThrownBy(() -> admission.admit(99L, "b"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.reason()).isEqualTo("stream-total");
                });
        first.release();
        first.release();
        assertThat(admission.total()).isEqualTo(5);
        admission.admit(99L, "b");
        assertThatThrownBy(() -> admission.admit(100L, "b")).isInstanceOf(ApiException.class);
    }
}
