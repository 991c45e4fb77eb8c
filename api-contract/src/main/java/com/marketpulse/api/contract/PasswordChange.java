package com.marketpulse.api.contract;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of a password change. */
public record PasswordChange(
        @Schema(example = "correct horse battery") String currentPassword,
        @Schema(example = "a much longer passphrase") String newPassword) {

    @Override
    public String toString() {
        return "PasswordChange[***]";
    }
}
