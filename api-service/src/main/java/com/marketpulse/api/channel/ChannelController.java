package com.marketpulse.api.channel;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.marketpulse.api.contract.Channel;
import com.marketpulse.api.contract.ChannelCreated;
import com.marketpulse.api.contract.ChannelRequest;
import com.marketpulse.api.security.CurrentUser;

/** The signed-in user's delivery channels; another user's channel is 404, as if it did not exist. */
@RestController
@Tag(name = "Notifications")
@SecurityRequirement(name = "bearer")
class ChannelController {

    private final ChannelService channels;

    ChannelController(ChannelService channels) {
        this.channels = channels;
    }

    @GetMapping("/api/me/channels")
    @Operation(summary = "My delivery channels", description = "Secrets are never returned.")
    List<Channel> list(@AuthenticationPrincipal Jwt token) {
        return channels.of(CurrentUser.of(token).id());
    }

    @PostMapping("/api/me/channels")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a delivery channel",
            description = "A webhook gets a signing secret, returned in this response only: keep it, it cannot be "
                    + "shown again. At most 20 channels per account.")
    ChannelCreated create(@AuthenticationPrincipal Jwt token, @RequestBody ChannelRequest request) {
        return channels.create(CurrentUser.of(token).id(), request);
    }

    @GetMapping("/api/me/channels/{id}")
    @Operation(summary = "One of my delivery channels")
    Channel get(@AuthenticationPrincipal Jwt token, @PathVariable long id) {
        return channels.get(CurrentUser.of(token).id(), id);
    }

    @PutMapping("/api/me/channels/{id}")
    @Operation(summary = "Change a delivery channel",
            description = "Name, target and enabled; a missing field stays. The secret stays.")
    Channel update(@AuthenticationPrincipal Jwt token, @PathVariable long id, @RequestBody ChannelRequest request) {
        return channels.update(CurrentUser.of(token).id(), id, request);
    }

    @DeleteMapping("/api/me/channels/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a delivery channel")
    void delete(@AuthenticationPrincipal Jwt token, @PathVariable long id) {
        channels.delete(CurrentUser.of(token).id(), id);
    }
}
