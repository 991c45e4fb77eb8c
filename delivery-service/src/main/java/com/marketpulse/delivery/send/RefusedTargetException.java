package com.marketpulse.delivery.send;

import java.net.UnknownHostException;

/**
 * A host resolved to an address inside our network: to the HTTP client it is a host without a usable address, so no
 * connection is made; the attempt fails for good with {@link #reason()}.
 */
final class RefusedTargetException extends UnknownHostException {

    RefusedTargetException(String reason) {
        super(reason);
    }

    /** E.g. {@code hooks.example.com resolves to 10.0.0.7 (private)}. */
    String reason() {
        return getMessage();
    }
}
