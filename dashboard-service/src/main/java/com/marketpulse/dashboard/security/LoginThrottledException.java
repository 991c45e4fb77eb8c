package com.marketpulse.dashboard.security;

import java.io.Serial;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticationException;

/** The API refused a login attempt because there were too many. */
final class LoginThrottledException extends AuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final @Nullable Duration retryAfter;

    LoginThrottledException(String message, @Nullable Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
