package com.marketpulse.api.security;

import org.springframework.security.oauth2.jwt.Jwt;

import com.marketpulse.api.web.ApiException;

/** The signed-in account as named by its verified token: the only source of "whose data" in the API. */
public record CurrentUser(long id, String username) {

    public static CurrentUser of(Jwt token) {
        if (token == null) {
            throw ApiException.unauthorized("Sign in first: send 'Authorization: Bearer <token>'.");
        }
        return new CurrentUser(Long.parseLong(token.getSubject()), token.getClaimAsString(Tokens.USERNAME));
    }
}
