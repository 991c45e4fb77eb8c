package com.marketpulse.dashboard.security;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A logged-in user: the principal of the dashboard's Spring Security session, holding the API token that
 * every call on the user's behalf carries. The token never appears in {@link #toString()}.
 */
public record ApiSession(String username, String token, @Nullable Instant expiresAt) implements Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
        return username;
    }

    @Override
    public String toString() {
        return "ApiSession[username=" + username + ", token=<redacted>, expiresAt=" + expiresAt + "]";
    }
}
