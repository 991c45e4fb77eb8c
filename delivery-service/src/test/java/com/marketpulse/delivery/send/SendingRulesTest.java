package com.marketpulse.delivery.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.marketpulse.delivery.DeliveryProperties;

class SendingRulesTest {

    @Test
    void successRetryableAndFinalStatuses() {
        assertThat(WebhookSender.judge(204).outcome()).isEqualTo(Attempt.Outcome.SENT);
        assertThat(WebhookSender.judge(503).outcome()).isEqualTo(Attempt.Outcome.RETRY);
        assertThat(WebhookSender.judge(429).outcome()).isEqualTo(Attempt.Outcome.RETRY);
        assertThat(WebhookSender.judge(404).outcome()).isEqualTo(Attempt.Outcome.FAILED);
        assertThat(WebhookSender.judge(301).outcome()).as("redirects are not followed").isEqualTo(Attempt.Outcome.FAILED);
    }

    @Test
    void theBackOffDoublesUpToItsCeiling() {
        var retry = new DeliveryProperties.Retry(Duration.ofSeconds(5), Duration.ofMinutes(1), 8);

        assertThat(retry.after(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(retry.after(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(retry.after(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(retry.after(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(retry.after(30)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theSignatureIsHmacSha256OfTimestampDotBody() {
        // what a receiver computes: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_x'
        assertThat(Signature.of("whsec_x", 1_700_000_000L, "{\"a\":1}"))
                .isEqualTo("sha256=b3438763ab46d9634b9844c8722818eaf523f803db1327484c6067462a5fd6d1");
        assertThat(Signature.of("whsec_x", 1_700_000_001L, "{\"a\":1}"))
                .as("the timestamp is signed").isNotEqualTo(Signature.of("whsec_x", 1_700_000_000L, "{\"a\":1}"));
    }
}
