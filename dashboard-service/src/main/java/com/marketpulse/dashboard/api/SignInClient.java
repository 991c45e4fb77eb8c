package com.marketpulse.dashboard.api;

import org.jspecify.annotations.Nullable;

/**
 * The browser a sign-in is made for, as the API's throttle should see it.
 *
 * @param address     the browser's address (forwarded to the API signed); null when there is no browser request
 * @param deviceToken the device token the API gave this browser at an earlier sign-in, if it kept one
 */
public record SignInClient(@Nullable String address, @Nullable String deviceToken) {

    /** No browser known: nothing is forwarded, the API sees the dashboard's own address. */
    public static final SignInClient UNKNOWN = new SignInClient(null, null);

    @Override
    public String toString() {
        return "SignInClient[address=" + address + "]";
    }
}
