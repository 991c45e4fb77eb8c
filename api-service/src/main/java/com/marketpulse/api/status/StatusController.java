package com.marketpulse.api.status;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.marketpulse.api.contract.StatusReport;

@RestController
@Tag(name = "Health", description = "Pipeline status; orchestration uses /actuator/health")
class StatusController {

    private final StatusService status;

    StatusController(StatusService status) {
        this.status = status;
    }

    @GetMapping("/api/status")
    @Operation(summary = "Pipeline status per stage",
            description = "Up/down per service (their /actuator/health), Kafka and consumer lag, PostgreSQL, "
                    + "age of the latest data per symbol, the model version and alerts in the last hour. "
                    + "Refreshed at most every few seconds. Each stage's detail (URLs, brokers) and the consumer "
                    + "lag per group are shown to a signed-in user only.")
    StatusReport status(@AuthenticationPrincipal Jwt token) {
        return status.report(token != null);
    }
}
