package com.marketpulse.api.contract;

import io.swagger.v3.oas.annotations.media.Schema;

/** Sign-in or registration body. */
public record Credentials(
        @Schema(example = "demo", description = "3–32 characters: letters, digits, '.', '_' or '-'") String username,
        @Schema(example = "demo123", description = "8–128 characters; common passwords are refused at registration")
        String password) {

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
