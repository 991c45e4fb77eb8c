package com.marketpulse.api.security;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.contract.IssuedToken;

/**
 * Issues and revokes the API's bearer tokens: HS256-signed JWTs naming the user id ({@code sub}), the user name,
 * a token id ({@code jti}, for logout) and the account's security version ({@code sv}, for password changes).
 */
@Component
public class Tokens {

    static final String ISSUER = "marketpulse-api";
    static final String USERNAME = "username";
    static final String SECURITY_VERSION = "sv";

    private final JwtEncoder encoder;
    private final RevokedTokens revoked;
    private final AccountTokenState accounts;
    private final Clock clock;
    private final MarketPulseProperties.Api settings;

    Tokens(JwtEncoder encoder, RevokedTokens revoked, AccountTokenState accounts, Clock clock,
           MarketPulseProperties properties) {
        this.encoder = encoder;
        this.revoked = revoked;
        this.accounts = accounts;
        this.clock = clock;
        this.settings = properties.api();
    }

    public IssuedToken issue(long userId, String username, int securityVersion) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(settings.tokenTtl());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(Long.toString(userId))
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(USERNAME, username)
                .claim(SECURITY_VERSION, securityVersion)
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new IssuedToken(token, expiresAt);
    }

    /** Logout: this token stops working now, everywhere. */
    public void revoke(Jwt token) {
        revoked.revoke(token.getId(), token.getExpiresAt());
    }

    /** Rejects revoked tokens and tokens older than the account's last password change or deletion. */
    OAuth2TokenValidator<Jwt> stillValid() {
        return jwt -> {
            if (jwt.getId() == null || revoked.isRevoked(jwt.getId())) {
                return invalid("The token has been revoked; sign in again.");
            }
            long userId;
            try {
                userId = Long.parseLong(jwt.getSubject());
            } catch (NumberFormatException e) {
                return invalid("The token does not name an account.");
            }
            Object version = jwt.getClaims().get(SECURITY_VERSION);
            var current = accounts.securityVersion(userId);
            if (current.isEmpty() || !(version instanceof Number number) || number.intValue() != current.getAsInt()) {
                return invalid("The token is no longer valid; sign in again.");
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    private static OAuth2TokenValidatorResult invalid(String message) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", message, null));
    }
}
