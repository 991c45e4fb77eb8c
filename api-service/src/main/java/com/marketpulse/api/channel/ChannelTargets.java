package com.marketpulse.api.channel;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import com.marketpulse.api.web.ApiException;

/**
 * What a channel's target must look like, per type. Only the form is checked here: whether a webhook's host
 * resolves to a public address is checked by delivery-service at every send, after DNS resolution, because DNS can
 * change after this check.
 */
final class ChannelTargets {

    static final int MAX_URL = 2000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private ChannelTargets() {
    }

    static String check(String type, String raw) {
        return switch (type) {
            case "WEBHOOK" -> webhook(raw);
            case "EMAIL" -> email(raw);
            case "TELEGRAM" -> {
                if (raw != null && !raw.isBlank()) {
                    throw ApiException.badRequest("A Telegram channel is linked through the bot, not given a target.");
                }
                yield null;
            }
            case "WEBPUSH" -> throw ApiException.badRequest("A Web Push channel is made from the browser's "
                    + "subscription: POST it to /api/me/channels/webpush.");
            default -> throw ApiException.badRequest("Unknown channel type " + ApiException.shown(type)
                    + ": WEBHOOK, EMAIL, TELEGRAM or WEBPUSH.");
        };
    }

    private static String webhook(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_URL) {
            throw ApiException.badRequest("A webhook needs its URL as target (http or https, at most " + MAX_URL
                    + " characters).");
        }
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("Not a URL: " + ApiException.shown(raw) + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw ApiException.badRequest("A webhook URL starts with https:// (or http://), not "
                    + ApiException.shown(raw) + ".");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw ApiException.badRequest("A webhook URL needs a host and no user name or fragment: "
                    + ApiException.shown(raw) + ".");
        }
        return uri.toString();
    }

    private static String email(String raw) {
        if (raw == null || raw.length() > 254 || !EMAIL.matcher(raw.strip()).matches()) {
            throw ApiException.badRequest("An email channel needs an address as target, not " + ApiException.shown(raw)
                    + ".");
        }
        return raw.strip();
    }
}
