package com.marketpulse.dashboard.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

import com.marketpulse.dashboard.api.ApiClient;
import com.marketpulse.dashboard.api.ApiException;

/** Revokes the user's API token when they log out of the dashboard. */
final class ApiLogoutHandler implements LogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiLogoutHandler.class);

    private final ApiClient api;

    ApiLogoutHandler(ApiClient api) {
        this.api = api;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response,
            @Nullable Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof ApiSession session) {
            try {
                api.logout(session.token());
                log.info("User {} logged out", session.username());
            } catch (ApiException e) {
                // the session ends here anyway; the token simply expires at the API
                log.info("User {} logged out; the API did not confirm the token's revocation: {}",
                        session.username(), e.getMessage());
            }
        }
    }
}
