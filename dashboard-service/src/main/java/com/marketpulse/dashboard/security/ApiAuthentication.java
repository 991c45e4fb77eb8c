package com.marketpulse.dashboard.security;

import java.io.Serial;
import java.util.Collection;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** An authentication made by api-service: the principal is the {@link ApiSession}. */
final class ApiAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ApiSession session;

    ApiAuthentication(ApiSession session, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.session = session;
        setAuthenticated(true);
    }

    @Override
    public ApiSession getPrincipal() {
        return session;
    }

    @Override
    public @Nullable Object getCredentials() {
        return null;
    }
}
