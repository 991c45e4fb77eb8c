package com.marketpulse.api.deliverylog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.marketpulse.api.contract.DeliveryLogEntry;
import com.marketpulse.api.contract.DeliveryLogPage;
import com.marketpulse.api.security.CurrentUser;
import com.marketpulse.api.web.ApiException;

/** The signed-in user's delivery log; another user's delivery or channel is 404, as if it did not exist. */
@RestController
@Tag(name = "Notifications")
@SecurityRequirement(name = "bearer")
class DeliveryLogController {

    static final int MAX_SIZE = 100;

    private final DeliveryLogRepository log;

    DeliveryLogController(DeliveryLogRepository log) {
        this.log = log;
    }

    @GetMapping("/api/me/deliveries")
    @Operation(summary = "My delivery log",
            description = "Every alert (and test alert) delivered or being delivered to my channels, newest first, "
                    + "with each attempt's time, outcome, HTTP status and detail.")
    DeliveryLogPage list(@AuthenticationPrincipal Jwt token,
                         @Parameter(description = "0-based page") @RequestParam(defaultValue = "0") int page,
                         @Parameter(description = "1-" + MAX_SIZE) @RequestParam(defaultValue = "20") int size,
                         @Parameter(description = "only this channel's deliveries")
                         @RequestParam(required = false) Long channel) {
        if (page < 0 || page > 100_000) {
            throw ApiException.badRequest("Parameter 'page' must be from 0 to 100000, got " + page + ".");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badRequest("Parameter 'size' must be from 1 to " + MAX_SIZE + ", got " + size + ".");
        }
        long userId = CurrentUser.of(token).id();
        if (channel != null && !log.ownsChannel(userId, channel)) {
            throw ApiException.notFound("No channel " + channel + " of yours.");
        }
        return log.page(userId, channel, page, size);
    }

    @GetMapping("/api/me/deliveries/{id}")
    @Operation(summary = "One delivery of my log, with its attempts")
    DeliveryLogEntry one(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return log.find(CurrentUser.of(token).id(), id)
                .orElseThrow(() -> ApiException.notFound("No delivery " + ApiException.shown(id) + " of yours."));
    }
}
