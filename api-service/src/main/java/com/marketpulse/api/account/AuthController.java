package com.marketpulse.api.account;

import java.net.URI;

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

import com.marketpulse.api.contract.Credentials;
import com.marketpulse.api.contract.IssuedToken;
import com.marketpulse.api.contract.Me;
import com.marketpulse.api.contract.PasswordChange;
import com.marketpulse.api.security.CurrentUser;
import com.marketpulse.api.security.Tokens;

@RestController
@Tag(name = "Account", description = "Registration, sign-in and the signed-in user's own data")
class AuthController {

    private final AccountService accounts;
    private final Tokens tokens;

    AuthController(AccountService accounts, Tokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @PostMapping("/api/auth/register")
    @Operation(summary = "Create an account", description = "201 with the account; 409 when the name is taken.")
    ResponseEntity<Me> register(@RequestBody Credentials credentials, HttpServletRequest request) {
        UserAccount created = accounts.register(credentials, request.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/me")).body(me(created));
    }

    @PostMapping("/api/auth/login")
    @Operation(summary = "Sign in", description = "Returns a bearer token valid for 8 hours (token-ttl): send it "
            + "as 'Authorization: Bearer <token>'; sign out to revoke it. Repeated failures are answered with 429 and Retry-After.")
    IssuedToken login(@RequestBody Credentials credentials, HttpServletRequest request) {
        return accounts.login(credentials, request.getRemoteAddr());
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
        return accounts.changePassword(CurrentUser.of(token).id(), change, request.getRemoteAddr());
    }

    private static Me me(UserAccount account) {
        return new Me(account.id(), account.username(), account.createdAt());
    }
}
