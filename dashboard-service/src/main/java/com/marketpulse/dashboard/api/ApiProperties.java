package com.marketpulse.dashboard.api;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the dashboard reaches api-service ({@code marketpulse.dashboard.*}).
 *
 * @param apiUrl             base URL of api-service ({@code MARKETPULSE_API_URL})
 * @param connectTimeout     TCP connect timeout for every API call
 * @param requestTimeout     time limit of one ordinary (non-streaming) API call
 * @param alertPollInterval  how often alerts are polled while the live stream is down
 * @param streamIdleTimeout  a live stream silent this long (the API sends a keep-alive every 20 s) is taken as
 *                           broken and reconnected
 * @param uploadTimeout      time limit of a backtest upload (the file is streamed on to the API as the browser sends
 *                           it, so this bounds the whole transfer of up to a few hundred MB)
 * @param clientAddressSecret HMAC key shared with the API ({@code MARKETPULSE_CLIENT_ADDRESS_SECRET}): the browser's
 *                           address is forwarded at sign-in and registration signed with it, so the API's throttle
 *                           sees each user's own address; empty: nothing is forwarded and the API sees the
 *                           dashboard's address for every user
 */
@ConfigurationProperties("marketpulse.dashboard")
public record ApiProperties(
        @DefaultValue("http://localhost:8000") URI apiUrl,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("3s") Duration alertPollInterval,
        @DefaultValue("60s") Duration streamIdleTimeout,
        @DefaultValue("10m") Duration uploadTimeout,
        @DefaultValue("") String clientAddressSecret) {

    @Override
    public String toString() {
        return "ApiProperties[apiUrl=" + apiUrl + ", clientAddressSecret=" + (clientAddressSecret.isEmpty() ? "none" : "set")
                + "]";
    }
}
