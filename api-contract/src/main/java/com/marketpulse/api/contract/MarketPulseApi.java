package com.marketpulse.api.contract;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.util.MultiValueMap;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * api-service's REST API as a declarative HTTP client ({@code HttpServiceProxyFactory}). Calls that need a
 * signed-in user take the {@code Authorization} header value, {@code "Bearer <token>"} (see {@link #bearer});
 * public calls accept it optionally (an expired token is then refused with 401 as everywhere).
 * Errors are {@code application/problem+json} (RFC 9457). The live alert stream ({@code GET /api/alerts/stream},
 * Server-Sent Events of {@link AlertDto}) and a backtest's progress stream ({@code GET /api/backtests/{id}/events},
 * Server-Sent Events of {@link Backtest}) are not request–response calls and are not declared here.
 */
@HttpExchange(url = "/api", accept = {"application/json", "application/problem+json"})
public interface MarketPulseApi {

    /**
     * Request and response header of a sign-in carrying the client's device token: the response of a successful
     * sign-in sets it; sent back at the next sign-in of the same account, the client is a known device, which
     * other clients' failed attempts never throttle.
     */
    String DEVICE_HEADER = "MarketPulse-Device";

    /** The {@code Authorization} header value for a bearer token. */
    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** @param clientAddress the browser's address, signed ({@link ClientAddressHeader}); only the dashboard sends it */
    @PostExchange(url = "/auth/register", contentType = "application/json")
    Me register(@RequestHeader(name = ClientAddressHeader.NAME, required = false) @Nullable String clientAddress,
                @RequestBody Credentials credentials);

    /**
     * @param clientAddress the browser's address, signed ({@link ClientAddressHeader}); only the dashboard sends it
     * @param device        the device token of an earlier sign-in ({@link #DEVICE_HEADER}), if any
     * @return the token; the response's {@link #DEVICE_HEADER} header holds the client's device token
     */
    @PostExchange(url = "/auth/login", contentType = "application/json")
    ResponseEntity<IssuedToken> login(
            @RequestHeader(name = ClientAddressHeader.NAME, required = false) @Nullable String clientAddress,
            @RequestHeader(name = DEVICE_HEADER, required = false) @Nullable String device,
            @RequestBody Credentials credentials);

    @PostExchange("/auth/logout")
    void logout(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);

    @GetExchange("/me")
    Me me(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);

    @PostExchange(url = "/me/password", contentType = "application/json")
    IssuedToken changePassword(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                               @RequestBody PasswordChange change);

    @GetExchange("/push/vapid-public-key")
    PushServerKey vapidPublicKey();

    @PostExchange(url = "/me/channels/webpush", contentType = "application/json")
    ChannelCreated subscribePush(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                                 @RequestBody PushSubscriptionRequest subscription);

    @GetExchange("/me/portfolio")
    Portfolio portfolio(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);

    @PutExchange(url = "/me/portfolio", contentType = "application/json")
    Portfolio savePortfolio(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                            @RequestBody Portfolio portfolio);

    /** Alerts across all coins, newest first; every filter is optional. */
    @GetExchange("/alerts")
    AlertPage alerts(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
                     @RequestParam(required = false) @Nullable Integer limit,
                     @RequestParam(required = false) @Nullable String cursor,
                     @RequestParam(required = false) @Nullable String type,
                     @RequestParam(required = false) @Nullable String symbol,
                     @RequestParam(required = false) @Nullable String minSeverity,
                     @RequestParam(required = false) @Nullable Instant from,
                     @RequestParam(required = false) @Nullable Instant to);

    /** The signed-in user's alerts (the coins of the portfolio), with the filters of {@link #alerts}. */
    @GetExchange("/me/alerts")
    AlertPage myAlerts(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                       @RequestParam(required = false) @Nullable Integer limit,
                       @RequestParam(required = false) @Nullable String cursor,
                       @RequestParam(required = false) @Nullable String type,
                       @RequestParam(required = false) @Nullable String symbol,
                       @RequestParam(required = false) @Nullable String minSeverity,
                       @RequestParam(required = false) @Nullable Instant from,
                       @RequestParam(required = false) @Nullable Instant to);

    @GetExchange("/alerts/{id}")
    AlertDto alert(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
                   @PathVariable String id);

    @GetExchange("/symbols")
    List<SymbolQuote> symbols(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization);

    /**
     * @param symbol   the URL form, {@code BTC-USD}
     * @param interval one of 1m, 5m, 15m, 1h, 4h, 1d
     */
    @GetExchange("/symbols/{symbol}/bars")
    List<BarDto> bars(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
                      @PathVariable String symbol,
                      @RequestParam(required = false) @Nullable Instant from,
                      @RequestParam(required = false) @Nullable Instant to,
                      @RequestParam(required = false) @Nullable String interval);

    @GetExchange("/status")
    StatusReport status(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization);

    /** The signed-in user's backtests, newest first. */
    @GetExchange("/backtests")
    List<Backtest> backtests(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);

    /**
     * Starts a backtest of an uploaded file: {@code form} holds the part {@code file} and optionally {@code symbol},
     * {@code format}, {@code name} and the override fields of {@link com.marketpulse.events.BacktestCommand.Overrides}
     * (e.g. built with Spring's {@code MultipartBodyBuilder}).
     */
    @PostExchange(url = "/backtests", contentType = "multipart/form-data")
    Backtest uploadBacktest(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                            @RequestBody MultiValueMap<String, ?> form);

    /** Starts a backtest of an archived period. */
    @PostExchange(url = "/backtests", contentType = "application/json")
    Backtest startBacktest(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                           @RequestBody BacktestArchiveRequest request);

    @GetExchange("/backtests/{id}")
    Backtest backtest(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String id);

    @PostExchange("/backtests/{id}/cancel")
    Backtest cancelBacktest(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String id);

    @DeleteExchange("/backtests/{id}")
    void deleteBacktest(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String id);

    /** The run's alerts in event-time order (as CSV: {@code GET /api/backtests/{id}/alerts?format=csv}). */
    @GetExchange("/backtests/{id}/alerts")
    List<AlertDto> backtestAlerts(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                                  @PathVariable String id);

    /** The run's report (as CSV: {@code GET /api/backtests/{id}/report?format=csv}). */
    @GetExchange("/backtests/{id}/report")
    BacktestReport backtestReport(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                                  @PathVariable String id);

    @GetExchange("/backtests/compare")
    BacktestComparison compareBacktests(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                                        @RequestParam String a, @RequestParam String b);

    @GetExchange("/me/channels")
    List<Channel> channels(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);

    /** A webhook's secret is in this answer only. */
    @PostExchange(url = "/me/channels", contentType = "application/json")
    ChannelCreated createChannel(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                                 @RequestBody ChannelRequest request);

    @PutExchange(url = "/me/channels/{id}", contentType = "application/json")
    Channel updateChannel(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable long id,
                          @RequestBody ChannelRequest request);

    @DeleteExchange("/me/channels/{id}")
    void deleteChannel(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable long id);

    /** "Send a test alert": delivery-service sends a marked test alert to the channel; see {@link #deliveries}. */
    @PostExchange("/me/channels/{id}/test")
    TestSend testChannel(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable long id);

    /** The delivery log, newest first. */
    @GetExchange("/me/deliveries")
    DeliveryLogPage deliveries(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                               @RequestParam(required = false) @Nullable Integer page,
                               @RequestParam(required = false) @Nullable Integer size,
                               @RequestParam(required = false) @Nullable Long channel);

    @GetExchange("/me/alert-rules")
    AlertRules alertRules(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);

    @PutExchange(url = "/me/alert-rules", contentType = "application/json")
    AlertRules saveAlertRules(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                              @RequestBody AlertRules rules);

    /** The coins snoozed now (ended snoozes are left out). */
    @GetExchange("/me/snoozes")
    List<Snooze> snoozes(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);

    /** Snoozes a coin, named or the coin of an alert, for {@link SnoozeRequest#minutes()}; 0 ends its snooze. */
    @PostExchange(url = "/me/snoozes", contentType = "application/json")
    Snooze snooze(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestBody SnoozeRequest request);
}
