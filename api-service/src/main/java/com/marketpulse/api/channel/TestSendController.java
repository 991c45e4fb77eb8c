package com.marketpulse.api.channel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.marketpulse.api.contract.TestSend;
import com.marketpulse.api.security.CurrentUser;

/** "Send a test alert" to one of the signed-in user's channels. */
@RestController
@Tag(name = "Notifications")
@SecurityRequirement(name = "bearer")
class TestSendController {

    private final TestSends testSends;

    TestSendController(TestSends testSends) {
        this.testSends = testSends;
    }

    @PostMapping("/api/me/channels/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a test alert to a channel",
            description = "delivery-service sends a clearly marked test alert (no market moved) through the "
                    + "channel's own sender within a few seconds; follow it in GET /api/me/deliveries. One per "
                    + "channel every 10 s (429 with Retry-After); a disabled or paused channel is 409.")
    TestSend test(@AuthenticationPrincipal Jwt token, @PathVariable long id) {
        return testSends.request(CurrentUser.of(token).id(), id);
    }
}
