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

import com.marketpulse.api.contract.Channel;
import com.marketpulse.api.contract.TelegramLink;
import com.marketpulse.api.security.CurrentUser;
import com.marketpulse.api.web.ApiException;

/** A new one-time link for one of the signed-in user's Telegram channels (the first came with the channel). */
@RestController
@Tag(name = "Notifications")
@SecurityRequirement(name = "bearer")
class TelegramLinkController {

    private final ChannelService channels;
    private final TelegramLinks links;

    TelegramLinkController(ChannelService channels, TelegramLinks links) {
        this.channels = channels;
        this.links = links;
    }

    @PostMapping("/api/me/channels/{id}/telegram-link")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new link for a Telegram channel",
            description = "Open the url (or send /start <code> to the bot) before it expires; the chat that does is "
                    + "linked, or linked anew. Shown once; it replaces the channel's previous code.")
    TelegramLink link(@AuthenticationPrincipal Jwt token, @PathVariable long id) {
        long user = CurrentUser.of(token).id();
        Channel channel = channels.get(user, id);
        if (!channel.type().equals("TELEGRAM")) {
            throw ApiException.badRequest("Channel " + id + " is a " + channel.type() + " channel: only Telegram "
                    + "channels are linked through the bot.");
        }
        return links.issue(user, id);
    }
}
