package com.marketpulse.api.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ASVS 5 password rules: 8 to 128 characters (Unicode code points, spaces allowed, nothing stripped), no
 * composition rules, and not one of the most common passwords nor the user name.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;
    private static final String BUNDLED_LIST = "common-passwords.txt";
    /**
     * The 30,000 most common passwords, most common first, as zxcvbn ships them (com.nulab-inc:zxcvbn, MIT licence;
     * derived from Mark Burnett's / Xato's 10-million-password corpus). A test keeps this path honest.
     */
    static final String ZXCVBN_LIST = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    private final Set<String> common;

    PasswordPolicy(Set<String> common) {
        this.common = common.stream().map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** The policy with zxcvbn's list of the most common passwords and our own additions. */
    static PasswordPolicy bundled() {
        Set<String> common = new HashSet<>(lines(ZXCVBN_LIST));
        common.addAll(lines(BUNDLED_LIST));
        return new PasswordPolicy(common);
    }

    private static Set<String> lines(String resource) {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int commonCount() {
        return common.size();
    }

    /** Why the password is refused, or empty when it is acceptable. */
    Optional<String> problem(String username, String password) {
        if (password == null) {
            return Optional.of("A password is required.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("The password must have at least " + MIN_LENGTH + " characters.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("The password must have at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("This password is one of the most common passwords; choose another.");
        }
        if (username != null && lower.equals(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("The password must not be the user name.");
        }
        return Optional.empty();
    }
}
