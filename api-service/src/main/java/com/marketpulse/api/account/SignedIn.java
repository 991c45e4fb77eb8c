package com.marketpulse.api.account;

import com.marketpulse.api.contract.IssuedToken;

/** A successful sign-in: the bearer token and the client's device token for its next sign-in. */
record SignedIn(IssuedToken token, String deviceToken) {

    @Override
    public String toString() {
        return "SignedIn[" + token + "]";
    }
}
