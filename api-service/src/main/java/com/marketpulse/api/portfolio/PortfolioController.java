package com.marketpulse.api.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.marketpulse.api.contract.Portfolio;
import com.marketpulse.api.security.CurrentUser;

/** The signed-in user's own portfolio: there is no way to name another user's. */
@RestController
@Tag(name = "Account")
@SecurityRequirement(name = "bearer")
class PortfolioController {

    private final PortfolioService portfolios;

    PortfolioController(PortfolioService portfolios) {
        this.portfolios = portfolios;
    }

    @GetMapping("/api/me/portfolio")
    @Operation(summary = "My portfolio")
    Portfolio get(@AuthenticationPrincipal Jwt token) {
        return portfolios.of(CurrentUser.of(token).id());
    }

    @PutMapping("/api/me/portfolio")
    @Operation(summary = "Replace my portfolio",
            description = "Symbols must be configured ones (BTC/USD or BTC-USD); quantities are optional.")
    Portfolio put(@AuthenticationPrincipal Jwt token, @RequestBody Portfolio portfolio) {
        return portfolios.replace(CurrentUser.of(token).id(), portfolio);
    }
}
