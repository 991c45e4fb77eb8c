package com.marketpulse.dashboard.api;

import org.jspecify.annotations.Nullable;

import com.marketpulse.api.contract.IssuedToken;

/** A sign-in the API accepted: the bearer token and this browser's device token for its next sign-in. */
public record SignedIn(IssuedToken token, @Nullable String deviceToken) {

    @Override
    public String toString() {
        return "SignedIn[" + token + "]";
    }
}
