package com.marketpulse.api.channel;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.marketpulse.api.contract.Channel;
import com.marketpulse.api.contract.ChannelCreated;
import com.marketpulse.api.contract.ChannelRequest;
import com.marketpulse.api.web.ApiException;

/** A user's channels: created with a fresh secret where the type needs one, changed and removed by their owner. */
@Service
class ChannelService {

    static final int MAX_PER_USER = 20;
    static final int MAX_NAME = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ChannelRepository channels;
    private final SecretSealer sealer;
    private final EmailConfirmations confirmations;

    ChannelService(ChannelRepository channels, SecretSealer sealer, EmailConfirmations confirmations) {
        this.channels = channels;
        this.sealer = sealer;
        this.confirmations = confirmations;
    }

    List<Channel> of(long userId) {
        return channels.of(userId);
    }

    Channel get(long userId, long id) {
        return channels.find(userId, id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    ChannelCreated create(long userId, ChannelRequest request) {
        String type = request.type() == null ? null : request.type().toUpperCase(Locale.ROOT);
        String target = ChannelTargets.check(type == null ? "" : type, request.target());
        String name = name(request.name(), type);
        if (channels.count(userId) >= MAX_PER_USER) {
            throw ApiException.conflict("At most " + MAX_PER_USER + " channels per account: remove one first.");
        }
        String secret = type.equals("WEBHOOK") ? newSecret() : null;
        // an address receives nothing until its owner follows the link delivery-service mails to it
        EmailConfirmations.Pending pending = type.equals("EMAIL") ? confirmations.issue() : null;
        byte[] sealed = secret != null ? sealer.seal(secret) : pending != null ? pending.sealedToken() : null;
        boolean enabled = request.enabled() == null || request.enabled();
        Channel channel = channels.insert(userId, type, name, target, sealed, enabled);
        if (pending != null) {
            confirmations.await(channel.id(), pending);
        }
        return new ChannelCreated(channel, secret);
    }

    @Transactional
    Channel update(long userId, long id, ChannelRequest request) {
        Channel current = get(userId, id);
        if (request.type() != null && !request.type().equalsIgnoreCase(current.type())) {
            throw ApiException.badRequest("A channel's type cannot change: create a new one.");
        }
        String target = request.target() == null ? current.target()
                : ChannelTargets.check(current.type(), request.target());
        String name = request.name() == null ? current.name() : name(request.name(), current.type());
        boolean enabled = request.enabled() == null ? current.enabled() : request.enabled();
        // a new address needs a new confirmation; saving an unconfirmed one again mails a fresh link (not too often)
        boolean sameAddress = target != null && target.equals(current.target());
        boolean reconfirm = current.type().equals("EMAIL") && request.target() != null
                && (!sameAddress || current.confirmedAt() == null);
        if (reconfirm && sameAddress) {
            confirmations.checkResend(id);
        }
        EmailConfirmations.Pending pending = reconfirm ? confirmations.issue() : null;
        Channel changed = channels.update(userId, id, name, target, enabled).orElseThrow(() -> notFound(id));
        if (pending == null) {
            return changed;
        }
        confirmations.await(id, pending);
        return get(userId, id);
    }

    void delete(long userId, long id) {
        if (!channels.delete(userId, id)) {
            throw notFound(id);
        }
    }

    private static String name(String raw, String type) {
        String name = raw == null || raw.isBlank() ? type.toLowerCase(Locale.ROOT) : raw.strip();
        if (name.length() > MAX_NAME) {
            throw ApiException.badRequest("A channel's name has at most " + MAX_NAME + " characters.");
        }
        return name;
    }

    /** 32 random bytes: the webhook's HMAC key, as the receiver stores it. */
    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("No channel " + id + " of yours.");
    }
}
