package com.marketpulse.dashboard.api;

import static com.marketpulse.api.contract.MarketPulseApi.bearer;

import java.util.List;

import org.springframework.stereotype.Component;

import com.marketpulse.api.contract.AlertRules;
import com.marketpulse.api.contract.Channel;
import com.marketpulse.api.contract.ChannelCreated;
import com.marketpulse.api.contract.ChannelRequest;
import com.marketpulse.api.contract.DeliveryLogPage;
import com.marketpulse.api.contract.Snooze;
import com.marketpulse.api.contract.SnoozeRequest;
import com.marketpulse.api.contract.TestSend;

/**
 * The notification calls of api-service: channels ({@code /api/me/channels}), test sends, the delivery log, the
 * alert rules and snoozes, with {@link ApiClient}'s error handling.
 */
@Component
public class NotificationClient {

    private final ApiClient client;

    public NotificationClient(ApiClient client) {
        this.client = client;
    }

    public List<Channel> channels(String token) {
        return ApiClient.call(() -> client.contract().channels(bearer(token)));
    }

    /** The new channel and, for a webhook, its secret: shown this once. */
    public ChannelCreated create(String token, String type, String name, String target) {
        return ApiClient.call(() -> client.contract().createChannel(bearer(token),
                new ChannelRequest(type, name.isBlank() ? null : name, target.isBlank() ? null : target, true)));
    }

    public Channel setEnabled(String token, long id, boolean enabled) {
        return ApiClient.call(() -> client.contract().updateChannel(bearer(token), id,
                new ChannelRequest(null, null, null, enabled)));
    }

    public void remove(String token, long id) {
        ApiClient.run(() -> client.contract().deleteChannel(bearer(token), id));
    }

    public TestSend test(String token, long id) {
        return ApiClient.call(() -> client.contract().testChannel(bearer(token), id));
    }

    public DeliveryLogPage deliveries(String token, int page, int size) {
        return ApiClient.call(() -> client.contract().deliveries(bearer(token), page, size, null));
    }

    public AlertRules rules(String token) {
        return ApiClient.call(() -> client.contract().alertRules(bearer(token)));
    }

    public AlertRules saveRules(String token, AlertRules rules) {
        return ApiClient.call(() -> client.contract().saveAlertRules(bearer(token), rules));
    }

    /** The coins snoozed now. */
    public List<Snooze> snoozes(String token) {
        return ApiClient.call(() -> client.contract().snoozes(bearer(token)));
    }

    /** Snoozes the coin of an alert for {@code minutes}, from the alert itself (the API finds its coin). */
    public Snooze snoozeFromAlert(String token, String alertId, int minutes) {
        return ApiClient.call(() -> client.contract().snooze(bearer(token), new SnoozeRequest(null, alertId, minutes)));
    }

    /** Ends the coin's snooze: its alerts are delivered again from now on. */
    public Snooze endSnooze(String token, String symbol) {
        return ApiClient.call(() -> client.contract().snooze(bearer(token), new SnoozeRequest(symbol, null, 0)));
    }
}
