package com.marketpulse.api.account;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import com.marketpulse.api.contract.Credentials;
import com.marketpulse.api.contract.IssuedToken;
import com.marketpulse.api.contract.PasswordChange;
import com.marketpulse.api.security.Tokens;
import com.marketpulse.api.web.ApiException;

/** Registration, sign-in and password changes, throttled per account and per client address. */
@Service
class AccountService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    /** Longer inputs are not even hashed. */
    private static final int MAX_PASSWORD_CHARS = 1024;
    private static final String INVALID = "Invalid user name or password.";

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy = PasswordPolicy.bundled();
    private final Tokens tokens;
    private final Throttles throttles;
    /** Checked when the user does not exist, so that the answer takes as long either way. */
    private final String dummyHash;

    AccountService(UserRepository users, PasswordEncoder encoder, Tokens tokens, Throttles throttles) {
        this.users = users;
        this.encoder = encoder;
        this.tokens = tokens;
        this.throttles = throttles;
        this.dummyHash = encoder.encode("not-a-real-password-" + System.nanoTime());
    }

    IssuedToken login(Credentials credentials, String address) {
        if (credentials == null || credentials.username() == null || credentials.password() == null) {
            throw ApiException.badRequest("Send {\"username\": ..., \"password\": ...}.");
        }
        String username = credentials.username().strip().toLowerCase(Locale.ROOT);
        throttles.check(username, address);
        var account = users.findByUsername(username);
        String password = credentials.password();
        boolean matches = password.length() <= MAX_PASSWORD_CHARS
                && encoder.matches(password, account.map(UserAccount::passwordHash).orElse(dummyHash))
                && account.isPresent();
        if (!matches) {
            throttles.failed(username, address);
            throw ApiException.unauthorized(INVALID);
        }
        throttles.succeeded(username);
        UserAccount user = account.get();
        return tokens.issue(user.id(), user.username(), user.securityVersion());
    }

    UserAccount register(Credentials credentials, String address) {
        if (credentials == null || credentials.username() == null || credentials.password() == null) {
            throw ApiException.badRequest("Send {\"username\": ..., \"password\": ...}.");
        }
        throttles.checkRegistration(address);
        String username = credentials.username().strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw ApiException.badRequest("The user name must have 3–32 characters: letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit.");
        }
        policy.problem(username, credentials.password()).ifPresent(problem -> {
            throw ApiException.badRequest(problem);
        });
        UserAccount created = users.create(username, encoder.encode(credentials.password()), false)
                .orElseThrow(() -> ApiException.conflict("The user name '" + username + "' is taken."));
        throttles.registered(address);
        return created;
    }

    UserAccount account(long userId) {
        return users.findById(userId).orElseThrow(() -> ApiException.unauthorized("The account no longer exists."));
    }

    /** Checks the current password, stores the new one and returns a fresh token; all older tokens stop working. */
    IssuedToken changePassword(long userId, PasswordChange change, String address) {
        if (change == null || change.currentPassword() == null || change.newPassword() == null) {
            throw ApiException.badRequest("Send {\"currentPassword\": ..., \"newPassword\": ...}.");
        }
        UserAccount user = account(userId);
        throttles.check(user.username(), address);
        if (change.currentPassword().length() > MAX_PASSWORD_CHARS
                || !encoder.matches(change.currentPassword(), user.passwordHash())) {
            throttles.failed(user.username(), address);
            throw ApiException.badRequest("The current password is not correct.");
        }
        throttles.succeeded(user.username());
        policy.problem(user.username(), change.newPassword()).ifPresent(problem -> {
            throw ApiException.badRequest(problem);
        });
        UserAccount changed = users.changePassword(userId, encoder.encode(change.newPassword()));
        return tokens.issue(changed.id(), changed.username(), changed.securityVersion());
    }
}
