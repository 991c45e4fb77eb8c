package com.marketpulse.api.channel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.marketpulse.api.contract.EmailConfirmed;

/**
 * The link in the confirmation mail. It needs no sign-in: it is opened from a mailbox, and the one-time token that
 * only the address's mailbox received is the proof.
 */
@RestController
@Tag(name = "Notifications")
class EmailConfirmationController {

    private final EmailConfirmations confirmations;

    EmailConfirmationController(EmailConfirmations confirmations) {
        this.confirmations = confirmations;
    }

    @GetMapping("/api/me/channels/confirm")
    @Operation(summary = "Confirm an email channel's address (the link mailed to it)",
            description = "No sign-in needed: the token is the proof. 404 when the token is unknown or used, 410 when "
                    + "it has expired (save the address again for a new link).")
    EmailConfirmed confirm(@RequestParam(required = false) String token) {
        return confirmations.confirm(token);
    }
}
