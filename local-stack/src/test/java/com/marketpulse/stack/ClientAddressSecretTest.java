package com.marketpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ClientAddressSecretTest {

    @Test
    void eachRunOfTheStackGetsItsOwnLongEnoughSecret() {
        String first = ClientAddressSecret.from(Map.of());
        String second = ClientAddressSecret.from(Map.of(ClientAddressSecret.VARIABLE, " "));

        assertThat(first.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThanOrEqualTo(32);
        assertThat(second).isNotEqualTo(first).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void aSecretFromTheEnvironmentIsKept() {
        assertThat(ClientAddressSecret.from(Map.of(ClientAddressSecret.VARIABLE, "operators-own-secret-0123456789abcdef")))
                .isEqualTo("operators-own-secret-0123456789abcdef");
    }
}
