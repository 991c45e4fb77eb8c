package com.marketpulse.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document behind /docs: what the API is, and the bearer scheme the account endpoints use. */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    @Bean
    OpenAPI marketPulseOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("MarketPulse API")
                        .version("v1")
                        .description("""
                                Real-time crypto market anomaly alerts, prices, portfolios and pipeline health.

                                Sign in with `POST /api/auth/login` (the demo account is `demo` / `demo123` when the \
                                demo is on) and send the token as `Authorization: Bearer <token>` (the Authorize \
                                button above). Symbols are written `BTC/USD`; in URL paths `BTC-USD`. Every refused \
                                request is answered with an RFC 9457 `application/problem+json` document.""")
                        .license(new License().name("GPL-3.0-or-later").url("https://www.gnu.org/licenses/gpl-3.0.html")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("the token from POST /api/auth/login")));
    }
}
