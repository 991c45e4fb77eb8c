package com.marketpulse.api.security;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import javax.crypto.SecretKey;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.web.ProblemWriter;

import java.util.Map;

/**
 * Stateless bearer-token security: public market data and docs, everything under {@code /api/me} and logout
 * needs a valid token, anything not listed is denied by default. Refusals are problem documents.
 */
@Configuration
class SecurityConfig {

    /** OWASP Password Storage Cheat Sheet: Argon2id, m = 19 MiB, t = 2, p = 1. */
    static final int ARGON2_MEMORY_KIB = 19 * 1024;

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems) throws Exception {
        var bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
        var bearerDenied = new BearerTokenAccessDeniedHandler();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/login", "/api/auth/register").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/alerts", "/api/alerts/**", "/api/symbols",
                                "/api/symbols/**", "/api/status").permitAll()
                        .requestMatchers(HttpMethod.GET, "/docs", "/docs/**", "/swagger-ui/**", "/swagger-ui.html",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        // the link mailed to a new email channel: its one-time token is the proof, not a sign-in
                        .requestMatchers(HttpMethod.GET, "/api/me/channels/confirm").permitAll()
                        .requestMatchers("/api/me", "/api/me/**", "/api/auth/logout").authenticated()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> { })
                        .authenticationEntryPoint((request, response, e) -> {
                            bearerEntryPoint.commence(request, response, e);
                            problems.write(request, response, HttpStatus.UNAUTHORIZED, unauthorizedDetail(e));
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            bearerDenied.handle(request, response, e);
                            problems.write(request, response, HttpStatus.FORBIDDEN, "This request is not allowed.");
                        }))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> {
                            bearerEntryPoint.commence(request, response, e);
                            problems.write(request, response, HttpStatus.UNAUTHORIZED, unauthorizedDetail(e));
                        }));
        return http.build();
    }

    private static String unauthorizedDetail(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("revoked") || message.contains("no longer valid")) {
            return message.substring(message.indexOf("The token"));
        }
        if (message.toLowerCase().contains("expired")) {
            return "The bearer token has expired; sign in again at POST /api/auth/login.";
        }
        if (message.contains("Full authentication")) {
            return "Sign in first: send 'Authorization: Bearer <token>' from POST /api/auth/login.";
        }
        return "The bearer token is not valid; sign in again at POST /api/auth/login.";
    }

    @Bean
    SecretKey tokenKey(MarketPulseProperties properties) {
        return TokenSecret.resolve(properties.api().tokenSecret(), Path.of(properties.api().dataDir()));
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey tokenKey) {
        return NimbusJwtEncoder.withSecretKey(tokenKey).algorithm(MacAlgorithm.HS256).build();
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey tokenKey, Tokens tokens, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(tokenKey).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator lifetime = new JwtTimestampValidator(Duration.ofSeconds(30));
        lifetime.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                lifetime, new JwtIssuerValidator(Tokens.ISSUER), tokens.stillValid()));
        return decoder;
    }

    /**
     * Argon2id with OWASP's minimum (19 MiB, 2 iterations, 1 lane; 16-byte salt, 32-byte hash) for new hashes;
     * older Argon2 parameters and bcrypt (cost 12) hashes are still verified, as each hash names its parameters. No
     * 72-byte limit, so a 64-character non-ASCII password works.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", new Argon2PasswordEncoder(16, 32, 1, ARGON2_MEMORY_KIB, 2),
                "bcrypt", new BCryptPasswordEncoder(12)));
    }
}
