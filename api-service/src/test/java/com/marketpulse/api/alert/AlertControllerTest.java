package com.marketpulse.api.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.marketpulse.api.ApiSliceTest;
import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.api.contract.Portfolio;
import com.marketpulse.api.portfolio.PortfolioService;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.SeverityLevel;

@ApiSliceTest(AlertController.class)
@Import(HoldingImpacts.class)
class AlertControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AlertRepository alerts;
    @MockitoBean
    PortfolioService portfolios;

    @BeforeEach
    void holdingsWithoutQuantities() {
        when(portfolios.of(org.mockito.ArgumentMatchers.anyLong())).thenReturn(new Portfolio(List.of(), Map.of()));
    }

    @Test
    void refusesAPageSizeAboveTheMaximumWithoutTouchingTheDatabase() throws Exception {
        mvc.perform(get("/api/alerts").param("limit", "10000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value(containsString("'limit'")));
        verifyNoInteractions(alerts);
    }

    @Test
    void givesANextCursorOnlyWhenMoreAlertsExist() throws Exception {
        List<AlertDto> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(dto("id-" + i, "BTC/USD", Instant.parse("2026-11-24T12:00:00Z").minusSeconds(i)));
        }
        when(alerts.find(any())).thenReturn(rows);

        mvc.perform(get("/api/alerts").param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[1].id").value("id-1"))
                .andExpect(jsonPath("$.nextCursor").value(new AlertCursor(rows.get(1).eventTime(), "id-1").encode()));
    }

    @Test
    void myAlertsNeedASignedInUser() throws Exception {
        mvc.perform(get("/api/me/alerts"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(alerts, portfolios);
    }

    @Test
    void myAlertsAreRestrictedToTheCoinsOfTheTokensUser() throws Exception {
        when(portfolios.symbolsOf(7L)).thenReturn(List.of("ETH/USD"));
        when(alerts.find(any())).thenReturn(List.of());

        mvc.perform(get("/api/me/alerts").with(jwt().jwt(token -> token.subject("7"))))
                .andExpect(status().isOk());

        ArgumentCaptor<AlertQuery> query = ArgumentCaptor.forClass(AlertQuery.class);
        verify(alerts).find(query.capture());
        assertThat(query.getValue().symbols()).containsExactly("ETH/USD");
    }

    @Test
    void askingForACoinNotHeldGivesAnEmptyPage() throws Exception {
        when(portfolios.symbolsOf(7L)).thenReturn(List.of("ETH/USD"));

        mvc.perform(get("/api/me/alerts").param("symbol", "BTC-USD").with(jwt().jwt(token -> token.subject("7"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0))
                .andExpect(jsonPath("$.nextCursor").isEmpty());
        verifyNoInteractions(alerts);
    }

    @Test
    void anUnknownAlertIsA404Problem() throws Exception {
        when(alerts.findLive("nope")).thenReturn(Optional.empty());

        mvc.perform(get("/api/alerts/nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("nope")));
    }

    static AlertDto dto(String id, String symbol, Instant eventTime) {
        return new AlertDto(id, symbol, AlertType.PRICE_SPIKE, Direction.UP, 70, SeverityLevel.HIGH, eventTime,
                eventTime.plusSeconds(3), 100.0, 0.7, "m1", "far from normal", eventTime.plusMillis(200));
    }
}
