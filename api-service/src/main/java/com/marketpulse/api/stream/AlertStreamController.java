package com.marketpulse.api.stream;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.alert.AlertRepository;
import com.marketpulse.api.alert.HoldingImpacts;
import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.api.portfolio.PortfolioService;
import com.marketpulse.api.security.CurrentUser;
import com.marketpulse.api.web.ApiException;

@RestController
@Tag(name = "Alerts")
class AlertStreamController {

    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    static final int MAX_REPLAY = 1000;
    /** Alert ids are UUIDs or short derived names; anything longer is not one. */
    static final int MAX_EVENT_ID_CHARS = 200;

    private final AlertBroadcaster broadcaster;
    private final AlertRepository alerts;
    private final PortfolioService portfolios;
    private final StreamAdmission admission;
    private final ReplayBudget replays;
    private final HoldingImpacts impacts;

    AlertStreamController(AlertBroadcaster broadcaster, AlertRepository alerts, PortfolioService portfolios,
                          StreamAdmission admission, MarketPulseProperties properties, Clock clock,
                          HoldingImpacts impacts) {
        this.impacts = impacts;
        this.broadcaster = broadcaster;
        this.alerts = alerts;
        this.portfolios = portfolios;
        this.admission = admission;
        this.replays = new ReplayBudget(properties.api().stream().replaysPerMinute(), clock);
    }

    @GetMapping(path = "/api/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live alerts as Server-Sent Events",
            description = "Each new or updated live alert arrives as an event named 'alert' whose id is the alert id "
                    + "and whose data is the alert as JSON. With a bearer token only the portfolio's coins are sent "
                    + "(every coin with scope=all), and the stream closes when the token is revoked (logout) or expires. "
                    + "Reconnect with Last-Event-ID to receive what was stored since that alert (up to " + MAX_REPLAY
                    + "; a few replays per minute per client, else 429 with Retry-After). Open streams are limited "
                    + "per account, per address when anonymous (429) and in total (503). "
                    + "The stream ends after 30 minutes; EventSource reconnects by itself.")
    SseEmitter stream(@AuthenticationPrincipal Jwt token,
                      @Parameter(description = "id of the last alert received")
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      @Parameter(description = "with a bearer token: 'mine' (default) for the portfolio's coins, "
                              + "'all' for every coin; without one every coin is sent")
                      @RequestParam(required = false) String scope,
                      HttpServletRequest request) {
        String resumeAfter = resumePoint(lastEventId);
        boolean everyCoin = everyCoin(scope);
        Long userId = token == null ? null : CurrentUser.of(token).id();
        StreamAdmission.Ticket ticket = admission.admit(userId, request.getRemoteAddr());
        AlertBroadcaster.Subscriber subscriber = null;
        try {
            if (resumeAfter != null) {
                Optional<Duration> wait = replays.take(userId == null ? "address:" + request.getRemoteAddr()
                        : "user:" + userId);
                if (wait.isPresent()) {
                    throw ApiException.refused(HttpStatus.TOO_MANY_REQUESTS, "stream-replay", "Too many "
                            + "Last-Event-ID replays from this client; reconnect after the Retry-After delay.",
                            wait.get());
                }
            }
            SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
            List<String> held = userId == null || everyCoin ? null : portfolios.symbolsOf(userId);
            subscriber = broadcaster.subscribe(emitter, userId, token, held == null ? null : Set.copyOf(held),
                    ticket::release);
            subscriber.quantities = impacts.quantitiesOf(userId);
            broadcaster.greet(subscriber);
            if (resumeAfter != null) {
                for (AlertDto missed : alerts.storedAfter(resumeAfter, held, MAX_REPLAY)) {
                    if (!broadcaster.send(subscriber, missed)) {
                        break;
                    }
                }
            }
            return emitter;
        } catch (RuntimeException e) {
            if (subscriber != null) {
                broadcaster.drop(subscriber);
            }
            ticket.release();
            throw e;
        }
    }

    /**
     * Whether a signed-in stream carries every coin: the dashboard's all-alerts page opens its stream with the
     * user's token so that it counts against the account, not against the dashboard's one address.
     */
    private static boolean everyCoin(String scope) {
        if (scope == null || scope.isBlank() || scope.strip().equals("mine")) {
            return false;
        }
        if (scope.strip().equals("all")) {
            return true;
        }
        throw ApiException.badRequest("Parameter 'scope' must be 'mine' or 'all', got " + ApiException.shown(scope)
                + ".");
    }

    /** The alert id to resume after, or null for none. */
    private static String resumePoint(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        String id = lastEventId.strip();
        if (id.length() > MAX_EVENT_ID_CHARS || id.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("Header 'Last-Event-ID' must be the id of an alert received from this "
                    + "stream, got " + ApiException.shown(id) + ".");
        }
        return id;
    }
}
