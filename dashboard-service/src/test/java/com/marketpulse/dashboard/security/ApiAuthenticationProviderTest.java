package com.marketpulse.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.web.client.RestClient;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.marketpulse.api.contract.ClientAddressHeader;
import com.marketpulse.dashboard.api.ApiClient;
import com.marketpulse.dashboard.api.ApiProperties;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import tools.jackson.databind.json.JsonMapper;

class ApiAuthenticationProviderTest {

    private final MockWebServer server = new MockWebServer();
    private ApiAuthenticationProvider provider;

    @BeforeEach
    void start() throws Exception {
        server.start();
        var properties = new ApiProperties(URI.create("http://" + server.getHostName() + ":" + server.getPort()),
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1), SECRET);
        provider = new ApiAuthenticationProvider(new ApiClient(RestClient.builder(), properties, JsonMapper.builder().build()));
    }

    @AfterEach
    void stop() {
        server.close();
        RequestContextHolder.resetRequestAttributes();
    }

    private static final String SECRET = "client-address-secret-shared-with-the-api-0123456789";

    @Test
    void theBrowsersAddressAndDeviceGoToTheApiAndTheNewDeviceTokenIsKeptInTheBrowser() throws Exception {
        var browser = new MockHttpServletRequest("POST", "/login");
        browser.setRemoteAddr("203.0.113.9");
        browser.setCookies(new Cookie(BrowserDevice.COOKIE, "device-from-last-time"));
        var response = new MockHttpServletResponse();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(browser, response));
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .setHeader("MarketPulse-Device", "device-renewed")
                .body("{\"token\":\"secret-token\",\"expiresAt\":\"2026-11-24T20:00:00Z\"}").build());

        provider.authenticate(attempt("demo", "demo123"));

        var request = server.takeRequest();
        assertThat(ClientAddressHeader.withSecret(SECRET).verify(request.getHeaders().get(ClientAddressHeader.NAME),
                Instant.now(), Duration.ofSeconds(30))).contains("203.0.113.9");
        assertThat(request.getHeaders().get("MarketPulse-Device")).isEqualTo("device-from-last-time");
        assertThat(response.getHeader("Set-Cookie")).startsWith(BrowserDevice.COOKIE + "=device-renewed;")
                .contains("HttpOnly").contains("SameSite=Strict");
    }

    private static UsernamePasswordAuthenticationToken attempt(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }

    @Test
    void aLoginAcceptedByTheApiKeepsItsTokenInTheSession() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"token\":\"secret-token\",\"expiresAt\":\"2026-11-24T20:00:00Z\"}").build());

        var authentication = provider.authenticate(attempt("demo", "demo123"));

        assertThat(authentication.isAuthenticated()).isTrue();
        assertThat(authentication.getName()).isEqualTo("demo");
        assertThat(authentication.getCredentials()).isNull();
        assertThat(authentication.getPrincipal()).isInstanceOfSatisfying(ApiSession.class, session -> {
            assertThat(session.token()).isEqualTo("secret-token");
            assertThat(session.expiresAt()).isEqualTo(Instant.parse("2026-11-24T20:00:00Z"));
            assertThat(session.toString()).doesNotContain("secret-token");
        });
        assertThat(authentication.getAuthorities()).extracting(Object::toString).contains("ROLE_USER");
    }

    @Test
    void aWrongPasswordIsBadCredentials() {
        server.enqueue(new MockResponse.Builder().code(401).build());

        assertThatThrownBy(() -> provider.authenticate(attempt("demo", "nope")))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessage("Wrong user name or password.");
    }

    @Test
    void aThrottledLoginSaysHowLongToWaitAndTheLoginPageIsToldSo() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "42").build());

        assertThatThrownBy(() -> provider.authenticate(attempt("demo", "nope")))
                .isInstanceOfSatisfying(LoginThrottledException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(42));
                    assertThat(LoginFailureHandler.query(e)).isEqualTo("error=throttled&retry=42");
                });
    }

    @Test
    void anApiThatIsDownIsAServiceProblemNotWrongCredentials() {
        server.enqueue(new MockResponse.Builder().code(503).build());

        assertThatThrownBy(() -> provider.authenticate(attempt("demo", "demo123")))
                .isInstanceOfSatisfying(AuthenticationServiceException.class,
                        e -> assertThat(LoginFailureHandler.query(e)).isEqualTo("error=unavailable"));
    }

    @Test
    void badCredentialsGoBackWithAPlainError() {
        assertThat(LoginFailureHandler.query(new BadCredentialsException("x"))).isEqualTo("error");
    }
}
