package com.marketpulse.api.account;

import java.util.Optional;

/**
 * Who is signing in, as far as the throttle is concerned.
 *
 * @param address     the client's address (the browser's, when the dashboard forwards it signed)
 * @param deviceToken the device token the client presented, if any
 */
record SignInClient(String address, Optional<String> deviceToken) {

    static SignInClient at(String address) {
        return new SignInClient(address, Optional.empty());
    }
}
