package com.marketpulse.api.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import com.marketpulse.api.contract.Credentials;
import com.marketpulse.api.contract.IssuedToken;
import com.marketpulse.api.contract.PasswordChange;
import com.marketpulse.api.security.DeviceTokens;
import com.marketpulse.api.security.Tokens;
import com.marketpulse.api.web.ApiException;

/**
 * Registration, sign-in and password changes, throttled per account and per client address; every password hash
 * runs behind {@link PasswordHashing}'s bound.
 */
@Service
class AccountService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    /** Longer inputs are not even hashed. */
    private static final int MAX_PASSWORD_CHARS = 1024;
    private static final String INVALID = "Invalid user name or password.";

    private final UserRepository users;
    private final PasswordHashing hashing;
    private final PasswordPolicy policy = PasswordPolicy.bundled();
    private final Tokens tokens;
    private final DeviceTokens devices;
    private final Throttles throttles;
    /** Checked when the user does not exist, so that the answer takes as long either way. */
    private final String dummyHash;

    AccountService(UserRepository users, PasswordHashing hashing, PasswordEncoder encoder, Tokens tokens,
                   DeviceTokens devices, Throttles throttles) {
        this.users = users;
        this.hashing = hashing;
        this.tokens = tokens;
        this.devices = devices;
        this.throttles = throttles;
        this.dummyHash = encoder.encode("not-a-real-password-" + System.nanoTime());
    }

    /** The throttle's slots are taken before the password is hashed; a known device has its own account slot. */
    SignedIn login(Credentials credentials, SignInClient client) {
        if (credentials == null || credentials.username() == null || credentials.password() == null) {
            throw ApiException.badRequest("Send {\"username\": ..., \"password\": ...}.");
        }
        String username = credentials.username().strip().toLowerCase(Locale.ROOT);
        var account = users.findByUsername(username);
        Optional<String> device = account.flatMap(user -> client.deviceToken()
                .flatMap(token -> devices.deviceOf(token, user.id())));
        Throttles.Attempt attempt = throttles.signIn(username, client.address(), device);
        String password = credentials.password();
        boolean matches;
        try {
            matches = password.length() <= MAX_PASSWORD_CHARS
                    && hashing.matches(password, account.map(UserAccount::passwordHash).orElse(dummyHash))
                    && account.isPresent();
        } catch (ApiException busy) {
            attempt.abandoned();
            throw busy;
        }
        if (!matches) {
            attempt.failed();
            throw ApiException.unauthorized(INVALID);
        }
        attempt.succeeded();
        UserAccount user = account.get();
        hashing.upgraded(password, user.passwordHash()).ifPresent(stronger -> users.rehash(user.id(), stronger));
        return new SignedIn(tokens.issue(user.id(), user.username(), user.securityVersion()),
                devices.issue(user.id(), device));
    }

    /**
     * Cheap checks first, then the address's slot, then the name (a taken name is the address's failure), and only
     * then the hash.
     */
    UserAccount register(Credentials credentials, String address) {
        if (credentials == null || credentials.username() == null || credentials.password() == null) {
            throw ApiException.badRequest("Send {\"username\": ..., \"password\": ...}.");
        }
        String username = credentials.username().strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw ApiException.badRequest("The user name must have 3–32 characters: letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit.");
        }
        policy.problem(username, credentials.password()).ifPresent(problem -> {
            throw ApiException.badRequest(problem);
        });
        Throttles.Attempt attempt = throttles.registration(address);
        if (users.findByUsername(username).isPresent()) {
            attempt.failed();
            throw taken(username);
        }
        String hash;
        try {
            hash = hashing.encode(credentials.password());
        } catch (ApiException busy) {
            attempt.abandoned();
            throw busy;
        }
        UserAccount created = users.create(username, hash, false).orElseThrow(() -> {
            attempt.failed();
            return taken(username);
        });
        attempt.succeeded();
        return created;
    }

    private static ApiException taken(String username) {
        return ApiException.conflict("The user name '" + username + "' is taken.");
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
        policy.problem(user.username(), change.newPassword()).ifPresent(problem -> {
            throw ApiException.badRequest(problem);
        });
        Throttles.Attempt attempt = throttles.signIn(user.username(), address, Optional.empty());
        boolean matches;
        String hash;
        try {
            matches = change.currentPassword().length() <= MAX_PASSWORD_CHARS
                    && hashing.matches(change.currentPassword(), user.passwordHash());
            hash = matches ? hashing.encode(change.newPassword()) : null;
        } catch (ApiException busy) {
            attempt.abandoned();
            throw busy;
        }
        if (!matches) {
            attempt.failed();
            throw ApiException.badRequest("The current password is not correct.");
        }
        attempt.succeeded();
        UserAccount changed = users.changePassword(userId, hash);
        return tokens.issue(changed.id(), changed.username(), changed.securityVersion());
    }
}
