package com.marketpulse.api.channel;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Locale;

import org.springframework.stereotype.Service;

import com.marketpulse.alerting.seal.PushKeys;
import com.marketpulse.alerting.seal.PushSecret;
import com.marketpulse.api.contract.ChannelCreated;
import com.marketpulse.api.contract.PushSubscriptionRequest;
import com.marketpulse.api.web.ApiException;

/**
 * WEBPUSH channels from a browser's {@code PushSubscription}: the endpoint (https, checked in form here; its host is
 * checked after DNS resolution by delivery-service at every send) becomes the target, the keys (a P-256 point on the
 * curve, a 16-byte secret) are sealed for delivery-service. One channel per endpoint and user: the same browser
 * subscribing again is a conflict naming the channel it already has.
 */
@Service
class PushSubscriptions {

    static final String TYPE = "WEBPUSH";

    private final ChannelRepository channels;
    private final SecretSealer sealer;
    private final PushServerKeys serverKeys;

    PushSubscriptions(ChannelRepository channels, SecretSealer sealer, PushServerKeys serverKeys) {
        this.channels = channels;
        this.sealer = sealer;
        this.serverKeys = serverKeys;
    }

    ChannelCreated create(long userId, PushSubscriptionRequest request) {
        serverKeys.publicKey(); // 503 when Web Push is off: a subscription nobody can send to is not stored
        String endpoint = endpoint(request.endpoint());
        PushSubscriptionRequest.SubscriptionKeys keys = request.keys();
        if (keys == null) {
            throw ApiException.badRequest("A push subscription needs its keys (p256dh and auth), as "
                    + "PushSubscription.toJSON() gives them.");
        }
        PushSecret secret = new PushSecret(p256dh(keys.p256dh()), auth(keys.auth()));
        String name = request.name() == null || request.name().isBlank() ? "this browser" : request.name().strip();
        if (name.length() > ChannelService.MAX_NAME) {
            throw ApiException.badRequest("A channel's name has at most " + ChannelService.MAX_NAME + " characters.");
        }
        channels.findByTarget(userId, TYPE, endpoint).ifPresent(id -> {
            throw ApiException.conflict("This browser is already subscribed: channel " + id + ".");
        });
        if (channels.count(userId) >= ChannelService.MAX_PER_USER) {
            throw ApiException.conflict("At most " + ChannelService.MAX_PER_USER + " channels per account: remove one "
                    + "first.");
        }
        return new ChannelCreated(channels.insert(userId, TYPE, name, endpoint, sealer.seal(secret.text()), true),
                null);
    }

    private static String endpoint(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > ChannelTargets.MAX_URL) {
            throw ApiException.badRequest("A push subscription needs its endpoint (an https URL of at most "
                    + ChannelTargets.MAX_URL + " characters).");
        }
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("Not a URL: " + ApiException.shown(raw) + ".");
        }
        // push services are https only (RFC 8030 §8): anything else is not a browser's subscription
        if (!"https".equals(uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT))
                || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw ApiException.badRequest("A push endpoint is an https URL with a host and no user name or fragment, "
                    + "not " + ApiException.shown(raw) + ".");
        }
        return uri.toString();
    }

    private static String p256dh(String raw) {
        try {
            PushKeys.fromUncompressed(decode(raw));
            return raw.strip().replace("=", "");
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("keys.p256dh is a P-256 public key: 65 bytes (an uncompressed point on the "
                    + "curve) in base64url, not " + ApiException.shown(raw) + ".");
        }
    }

    private static String auth(String raw) {
        try {
            if (decode(raw).length == 16) {
                return raw.strip().replace("=", "");
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        throw ApiException.badRequest("keys.auth is the subscription's 16-byte secret in base64url, not "
                + ApiException.shown(raw) + ".");
    }

    private static byte[] decode(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("missing");
        }
        return Base64.getUrlDecoder().decode(raw.strip().replace("=", ""));
    }
}
