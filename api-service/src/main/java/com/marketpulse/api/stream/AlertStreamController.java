package com.marketpulse.api.stream;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.marketpulse.api.alert.AlertRepository;
import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.api.portfolio.PortfolioService;
import com.marketpulse.api.security.CurrentUser;

@RestController
@Tag(name = "Alerts")
class AlertStreamController {

    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    static final int MAX_REPLAY = 1000;

    private final AlertBroadcaster broadcaster;
    private final AlertRepository alerts;
    private final PortfolioService portfolios;

    AlertStreamController(AlertBroadcaster broadcaster, AlertRepository alerts, PortfolioService portfolios) {
        this.broadcaster = broadcaster;
        this.alerts = alerts;
        this.portfolios = portfolios;
    }

    @GetMapping(path = "/api/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live alerts as Server-Sent Events",
            description = "Each new or updated live alert arrives as an event named 'alert' whose id is the alert id "
                    + "and whose data is the alert as JSON. With a bearer token only the portfolio's coins are sent. "
                    + "Reconnect with Last-Event-ID to receive what was stored since that alert (up to " + MAX_REPLAY
                    + "). The stream ends after 30 minutes; EventSource reconnects by itself.")
    SseEmitter stream(@AuthenticationPrincipal Jwt token,
                      @Parameter(description = "id of the last alert received")
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Long userId = token == null ? null : CurrentUser.of(token).id();
        List<String> held = userId == null ? null : portfolios.symbolsOf(userId);
        AlertBroadcaster.Subscriber subscriber = broadcaster.subscribe(emitter, userId,
                held == null ? null : Set.copyOf(held));
        broadcaster.greet(subscriber);
        if (lastEventId != null && !lastEventId.isBlank()) {
            for (AlertDto missed : alerts.storedAfter(lastEventId.strip(), held, MAX_REPLAY)) {
                if (!broadcaster.send(subscriber, missed)) {
                    break;
                }
            }
        }
        return emitter;
    }
}
