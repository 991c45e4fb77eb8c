package com.marketpulse.dashboard.security;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import com.marketpulse.dashboard.api.ApiClient;
import com.marketpulse.dashboard.api.ApiException;
import com.marketpulse.dashboard.api.SignInClient;

/**
 * Checks a user name and password by logging in at api-service; the token it hands out is kept in the
 * authenticated session ({@link ApiSession}). The dashboard itself stores no credentials. The browser's address
 * and device token ({@link BrowserDevice}) go along, so the API throttles each browser on its own.
 */
@Component
class ApiAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ApiAuthenticationProvider.class);

    private final ApiClient api;

    ApiAuthenticationProvider(ApiClient api) {
        this.api = api;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        // without a browser request (never in the login form's flow) the API sees the dashboard's own address
        SignInClient client = BrowserDevice.current().orElse(SignInClient.UNKNOWN);
        try {
            var signedIn = api.login(username, password, client);
            BrowserDevice.remember(signedIn.deviceToken());
            var login = signedIn.token();
            var session = new ApiSession(username, login.token(), login.expiresAt());
            log.info("User {} logged in", username);
            return new ApiAuthentication(session, List.of(new SimpleGrantedAuthority("ROLE_USER")));
        } catch (ApiException e) {
            throw switch (e.problem()) {
                case UNAUTHORIZED, INVALID, NOT_FOUND -> new BadCredentialsException("Wrong user name or password.");
                case THROTTLED -> new LoginThrottledException(e.userMessage(), e.retryAfter().orElse(null));
                default -> {
                    log.warn("Login of {} failed at the API: {}", username, e.getMessage());
                    yield new AuthenticationServiceException(e.userMessage(), e);
                }
            };
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
