package com.marketpulse.dashboard.api;

import org.jspecify.annotations.Nullable;

/**
 * The browser a sign-in is made for, as the API's throttle should see it.
 *
 * @param address     the browser's address (forwarded to the API signed)
 * @param deviceToken the device token the API gave this browser at an earlier sign-in, if it kept one
 */
public record SignInClient(String address, @Nullable String deviceToken) {

    @Override
    public String toString() {
        return "SignInClient[address=" + address + "]";
    }
}
