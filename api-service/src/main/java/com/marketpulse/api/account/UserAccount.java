package com.marketpulse.api.account;

import java.time.Instant;

/** A row of {@code api.users}; never leaves the account package as it is (it holds the password hash). */
record UserAccount(long id, String username, String passwordHash, int securityVersion, boolean demo,
                   Instant createdAt) {

    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", username=" + username + "]";
    }
}
