package com.marketpulse.delivery.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.marketpulse.delivery.DeliveryProperties;

/** Without a bot token Telegram is off: nothing polls, and the service starts as ever. */
class TelegramOffTest {

    private static final DeliveryProperties.Telegram NO_TOKEN = new DeliveryProperties.Telegram("",
            "https://api.telegram.org", Duration.ofSeconds(25), Duration.ofSeconds(60), Duration.ofSeconds(5));

    @Test
    void withoutATokenThePollerDoesNotStart() {
        TelegramPoller poller = new TelegramPoller(new TelegramBot(Optional.empty()), null, null, null, NO_TOKEN, null);

        poller.start();

        assertThat(poller.isRunning()).isFalse();
        assertThat(NO_TOKEN.configured()).isFalse();
    }

    @Test
    void anEmptyTokenAsTheLocalStackPassesItBindsAsTelegramOffWithTheShippedDefaults() {
        var environment = new MapConfigurationPropertySource(Map.of("marketpulse.delivery.telegram.bot-token", ""));

        DeliveryProperties properties = new Binder(environment)
                .bindOrCreate("marketpulse.delivery", DeliveryProperties.class);

        assertThat(properties.telegram().configured()).isFalse();
        assertThat(properties.telegram().baseUrl()).isEqualTo("https://api.telegram.org");
        assertThat(properties.telegram().pollTimeout()).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void aLeaseShorterThanAPollIsRefusedAtStart() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DeliveryProperties.Telegram("t",
                        "https://api.telegram.org", Duration.ofSeconds(25), Duration.ofSeconds(30), Duration.ofSeconds(5)))
                .withMessageContaining("lease at least poll-timeout + 10s");
    }
}
