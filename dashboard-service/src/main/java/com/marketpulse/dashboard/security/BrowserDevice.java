package com.marketpulse.dashboard.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.marketpulse.dashboard.api.SignInClient;

/**
 * The browser behind the login form being processed: its address, and the device token the API gave it at an
 * earlier sign-in, which it keeps in an HttpOnly cookie of the dashboard (the API's proof that this browser is a
 * known device of the account, so an attacker's failed attempts never make it wait).
 */
final class BrowserDevice {

    static final String COOKIE = "MARKETPULSE_DEVICE";
    /** As long as the API's device tokens live; an expired token is simply not a known device any more. */
    private static final Duration KEPT = Duration.ofDays(90);
    private static final int MAX_TOKEN_CHARS = 200;

    private BrowserDevice() {
    }

    /** The browser of the request being processed, when there is one. */
    static Optional<SignInClient> current() {
        return request().map(request -> new SignInClient(request.getRemoteAddr(), deviceToken(request)));
    }

    /** Keeps the device token in the browser for its next sign-in. */
    static void remember(@Nullable String deviceToken) {
        if (deviceToken == null || deviceToken.length() > MAX_TOKEN_CHARS) {
            return;
        }
        var attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet && servlet.getResponse() != null) {
            HttpServletResponse response = servlet.getResponse();
            ResponseCookie cookie = ResponseCookie.from(COOKIE, deviceToken).httpOnly(true)
                    .secure(servlet.getRequest().isSecure()).sameSite("Strict").path("/").maxAge(KEPT).build();
            response.addHeader("Set-Cookie", cookie.toString());
        }
    }

    private static Optional<HttpServletRequest> request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? Optional.of(servlet.getRequest()) : Optional.empty();
    }

    private static @Nullable String deviceToken(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? null : Arrays.stream(cookies)
                .filter(cookie -> COOKIE.equals(cookie.getName()) && cookie.getValue().length() <= MAX_TOKEN_CHARS)
                .map(Cookie::getValue).findFirst().orElse(null);
    }
}
