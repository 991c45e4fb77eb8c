package com.marketpulse.dashboard.api;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** The bearer token api-service hands out at login. */
public record LoginToken(String token, @Nullable Instant expiresAt) {

    @Override
    public String toString() {
        return "LoginToken[token=<redacted>, expiresAt=" + expiresAt + "]";
    }
}
