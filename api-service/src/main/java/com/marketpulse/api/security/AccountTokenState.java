package com.marketpulse.api.security;

import java.util.OptionalInt;

/**
 * What the token check needs to know about an account, implemented by the account feature: the current security
 * version (bumped on a password change), or empty when the account no longer exists.
 */
public interface AccountTokenState {

    OptionalInt securityVersion(long userId);
}
