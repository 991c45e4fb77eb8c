package com.marketpulse.api.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.web.ApiException;

/** Without a bot username Telegram is off: a channel nobody could link is refused, never stored. */
class TelegramLinksTest {

    @Test
    void withoutABotTelegramChannelsAreRefusedAsUnavailable() {
        var properties = new MarketPulseProperties(new MarketPulseProperties.Api(false, "", "data",
                Duration.ofHours(8), 16384, null, null, null, null,
                new MarketPulseProperties.Delivery("", Duration.ofHours(48),
                        new MarketPulseProperties.Telegram("", Duration.ofMinutes(15)), "", Duration.ofSeconds(10))));
        TelegramLinks links = new TelegramLinks(null, properties);

        assertThatThrownBy(links::requireConfigured).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(e.getMessage()).contains("Telegram is not configured");
        });
        assertThatThrownBy(() -> links.issue(1, 1)).isInstanceOf(ApiException.class);
    }
}
