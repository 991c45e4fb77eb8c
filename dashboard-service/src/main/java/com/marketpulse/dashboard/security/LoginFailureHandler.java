package com.marketpulse.dashboard.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import com.marketpulse.dashboard.security.ui.LoginView;

/** Sends a failed login back to the login view with the reason, so it can say what went wrong. */
final class LoginFailureHandler implements AuthenticationFailureHandler {

    private final RedirectStrategy redirect = new DefaultRedirectStrategy();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        redirect.sendRedirect(request, response, "/" + LoginView.ROUTE + "?" + query(exception));
    }

    static String query(AuthenticationException exception) {
        if (exception instanceof LoginThrottledException throttled) {
            var wait = throttled.retryAfter();
            return LoginView.ERROR + "=" + LoginView.THROTTLED + (wait == null ? "" : "&" + LoginView.RETRY + "=" + wait.toSeconds());
        }
        if (exception instanceof org.springframework.security.authentication.AuthenticationServiceException) {
            return LoginView.ERROR + "=" + LoginView.UNAVAILABLE;
        }
        return LoginView.ERROR;
    }
}
