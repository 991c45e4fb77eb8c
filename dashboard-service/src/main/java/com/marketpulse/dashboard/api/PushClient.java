package com.marketpulse.dashboard.api;

import static com.marketpulse.api.contract.MarketPulseApi.bearer;

import org.springframework.stereotype.Component;

import com.marketpulse.api.contract.Channel;
import com.marketpulse.api.contract.PushSubscriptionRequest;
import com.marketpulse.events.json.EventJson;

import tools.jackson.core.JacksonException;

/** Web Push through the API: the key a browser subscribes with, and its subscription stored as a channel. */
@Component
public class PushClient {

    private final ApiClient client;

    public PushClient(ApiClient client) {
        this.client = client;
    }

    /** The VAPID public key ({@code applicationServerKey}); a 503 when the server has no Web Push. */
    public String serverKey() {
        return ApiClient.call(() -> client.contract().vapidPublicKey()).publicKey();
    }

    /**
     * @param subscription the browser's {@code PushSubscription.toJSON()} as text
     * @throws ApiException the API's refusal (400 bad keys, 409 this browser already subscribed) or an unreadable
     *                      subscription
     */
    public Channel subscribe(String token, String subscription) {
        PushSubscriptionRequest request;
        try {
            request = EventJson.mapper().readValue(subscription, PushSubscriptionRequest.class);
        } catch (JacksonException e) {
            throw ApiException.unreadable(e);
        }
        return ApiClient.call(() -> client.contract().subscribePush(bearer(token), request)).channel();
    }
}
