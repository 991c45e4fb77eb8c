package com.marketpulse.api.channel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.marketpulse.api.contract.ChannelCreated;
import com.marketpulse.api.contract.PushServerKey;
import com.marketpulse.api.contract.PushSubscriptionRequest;
import com.marketpulse.api.security.CurrentUser;

/** Web Push: the key a browser subscribes with, and its subscription becoming a channel. */
@RestController
@Tag(name = "Notifications")
class PushController {

    private final PushServerKeys serverKeys;
    private final PushSubscriptions subscriptions;

    PushController(PushServerKeys serverKeys, PushSubscriptions subscriptions) {
        this.serverKeys = serverKeys;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/api/push/vapid-public-key")
    @Operation(summary = "The application server key for PushManager.subscribe",
            description = "Public. 503 when Web Push is not configured on this server.")
    PushServerKey vapidPublicKey() {
        return new PushServerKey(serverKeys.publicKey());
    }

    @PostMapping("/api/me/channels/webpush")
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Add this browser as a Web Push channel",
            description = "The body is the browser's PushSubscription.toJSON() (an optional name beside it). The "
                    + "keys are stored sealed for delivery-service and never returned. 409 when this browser's "
                    + "endpoint is already a channel of yours.")
    ChannelCreated subscribe(@AuthenticationPrincipal Jwt token, @RequestBody PushSubscriptionRequest request) {
        return subscriptions.create(CurrentUser.of(token).id(), request);
    }
}
