package com.marketpulse.api.contract;

import java.time.Instant;

/** A freshly signed bearer token and when it stops working. */
public record IssuedToken(String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[expiresAt=" + expiresAt + "]";
    }
}
