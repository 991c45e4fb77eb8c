package com.marketpulse.dashboard.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.marketpulse.api.contract.AlertRule;
import com.marketpulse.api.contract.Channel;
import com.vaadin.flow.component.badge.BadgeVariant;

/** What the Notifications page says about a channel's state and a coin's override. */
class NotificationPanelsTest {

    private static Channel channel(boolean enabled, boolean paused) {
        return new Channel(7, "WEBHOOK", "ops", "https://hooks.example.com/", enabled, true, paused, Instant.EPOCH,
                null);
    }

    @Test
    void aChannelDeliveryServicePausedShowsAsFailingWhateverItsEnabledFlag() {
        var paused = ChannelsPanel.status(channel(true, true));

        assertThat(paused.getText()).isEqualTo("Paused: failing");
        assertThat(paused.getThemeNames()).contains(BadgeVariant.ERROR.getVariantName(),
                BadgeVariant.FILLED.getVariantName());
        assertThat(paused.getElement().getAttribute("title")).contains("enable it again");
        assertThat(ChannelsPanel.status(channel(true, false)).getText()).isEqualTo("Enabled");
        assertThat(ChannelsPanel.status(channel(false, false)).getText()).isEqualTo("Disabled");
        assertThat(ChannelsPanel.status(new Channel(8, "EMAIL", "me", "me@example.com", true, false, false,
                Instant.EPOCH, null)).getText()).as("nothing is sent before the address is confirmed")
                .isEqualTo("Awaiting confirmation");
    }

    @Test
    void anOverrideListsOnlyWhatDiffersFromTheDefaults() {
        var override = new AlertRule(List.of("PRICE_SPIKE"), null, 5.0, null, "22:00", "07:00", 60, null, null);

        assertThat(OverridesList.summary(override))
                .isEqualTo("types price spike · min move 5.0 % · cooldown 60 min · quiet 22:00-07:00");
        assertThat(OverridesList.summary(new AlertRule(null, null, null, null, null, null, null, null, null)))
                .isEqualTo("(same as the defaults)");
    }
}
