package com.marketpulse.dashboard.security;

import org.springframework.stereotype.Component;

import com.vaadin.flow.spring.security.AuthenticationContext;

/** The logged-in user of the current request or UI. */
@Component
public class CurrentUser {

    private final AuthenticationContext authentication;

    CurrentUser(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    /** The session of the logged-in user; views behind the login call this. */
    public ApiSession session() {
        return authentication.getAuthenticatedUser(ApiSession.class)
                .orElseThrow(() -> new IllegalStateException("no user is logged in"));
    }

    /** Logs out of the dashboard (and revokes the API token) and returns to the login view. */
    public void logout() {
        authentication.logout();
    }
}
