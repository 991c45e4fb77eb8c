package com.marketpulse.api.account;

import java.net.URI;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.marketpulse.api.contract.ClientAddressHeader;
import com.marketpulse.api.contract.Credentials;
import com.marketpulse.api.contract.IssuedToken;
import com.marketpulse.api.contract.MarketPulseApi;
import com.marketpulse.api.contract.Me;
import com.marketpulse.api.contract.PasswordChange;
import com.marketpulse.api.security.ClientAddresses;
import com.marketpulse.api.security.CurrentUser;
import com.marketpulse.api.security.Tokens;

@RestController
@Tag(name = "Account", description = "Registration, sign-in and the signed-in user's own data")
class AuthController {

    private final AccountService accounts;
    private final Tokens tokens;
    private final ClientAddresses addresses;

    AuthController(AccountService accounts, Tokens tokens, ClientAddresses addresses) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.addresses = addresses;
    }

    @PostMapping("/api/auth/register")
    @Operation(summary = "Create an account", description = "201 with the account; 409 when the name is taken "
            + "(counted as a failed attempt of the client's address, like a wrong password). Too many attempts are "
            + "answered with 429 and Retry-After.")
    ResponseEntity<Me> register(@RequestBody Credentials credentials, HttpServletRequest request) {
        UserAccount created = accounts.register(credentials, clientAddress(request));
        return ResponseEntity.created(URI.create("/api/me")).body(me(created));
    }

    @PostMapping("/api/auth/login")
    @Operation(summary = "Sign in", description = "Returns a bearer token valid for 8 hours (token-ttl): send it "
            + "as 'Authorization: Bearer <token>'; sign out to revoke it. Repeated failures are answered with 429 and "
            + "Retry-After, a server too busy checking passwords with 503 and Retry-After. The response's "
            + "MarketPulse-Device header is this client's device token: send it back in the same header at the next "
            + "sign-in, and other clients' failed attempts on the account never make this client wait.")
    ResponseEntity<IssuedToken> login(@RequestBody Credentials credentials, HttpServletRequest request) {
        SignedIn signedIn = accounts.login(credentials, new SignInClient(clientAddress(request),
                Optional.ofNullable(request.getHeader(MarketPulseApi.DEVICE_HEADER))));
        return ResponseEntity.ok().header(MarketPulseApi.DEVICE_HEADER, signedIn.deviceToken()).body(signedIn.token());
    }

    @PostMapping("/api/auth/logout")
    @Operation(summary = "Sign out", description = "Revokes the token used for this request.",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt token) {
        tokens.revoke(token);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/me")
    @Operation(summary = "My account", security = @SecurityRequirement(name = "bearer"))
    Me me(@AuthenticationPrincipal Jwt token) {
        return me(accounts.account(CurrentUser.of(token).id()));
    }

    @PostMapping("/api/me/password")
    @Operation(summary = "Change my password", security = @SecurityRequirement(name = "bearer"),
            description = "Every token issued before the change stops working; the response carries a new one.")
    IssuedToken changePassword(@AuthenticationPrincipal Jwt token, @RequestBody PasswordChange change,
                               HttpServletRequest request) {
        return accounts.changePassword(CurrentUser.of(token).id(), change, clientAddress(request));
    }

    private String clientAddress(HttpServletRequest request) {
        return addresses.of(request.getRemoteAddr(), request.getHeader(ClientAddressHeader.NAME));
    }

    private static Me me(UserAccount account) {
        return new Me(account.id(), account.username(), account.createdAt());
    }
}
