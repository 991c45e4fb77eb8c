package com.marketpulse.stack;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The secret the dashboard signs browsers' addresses with and the API checks them by
 * ({@code MARKETPULSE_CLIENT_ADDRESS_SECRET}): the environment's when set, else a random one for this run of the
 * stack. Nothing signed with it outlives a run (a signature is good for seconds), so it need not be stored.
 */
final class ClientAddressSecret {

    static final String VARIABLE = "MARKETPULSE_CLIENT_ADDRESS_SECRET";

    private ClientAddressSecret() {
    }

    static String from(Map<String, String> environment) {
        String configured = environment.get(VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
