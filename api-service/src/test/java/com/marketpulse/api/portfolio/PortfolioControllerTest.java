package com.marketpulse.api.portfolio;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.marketpulse.api.ApiSliceTest;

@ApiSliceTest(PortfolioController.class)
@Import(PortfolioService.class)
class PortfolioControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PortfolioRepository repository;

    @Test
    void storesThePortfolioOfTheTokensUserWithSymbolsNormalized() throws Exception {
        Map<String, Double> stored = new LinkedHashMap<>();
        stored.put("BTC/USD", 0.5);
        stored.put("ETH/USD", null);
        when(repository.holdings(42L)).thenReturn(stored);

        putAs("42", "{\"symbols\":[\"btc-usd\",\"ETH/USD\"],\"quantities\":{\"BTC-USD\":0.5}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.symbols[0]").value("BTC/USD"))
                .andExpect(jsonPath("$.symbols[1]").value("ETH/USD"))
                .andExpect(jsonPath("$.quantities['BTC/USD']").value(0.5));
        Map<String, Double> expected = new LinkedHashMap<>(stored);
        verify(repository).replace(42L, expected);
    }

    @Test
    void refusesAnUnknownSymbol() throws Exception {
        putAs("42", "{\"symbols\":[\"DOGE/USD\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("DOGE/USD")));
        verify(repository, never()).replace(anyLong(), anyMap());
    }

    @Test
    void refusesANegativeQuantityAndAQuantityForACoinNotListed() throws Exception {
        putAs("42", "{\"symbols\":[\"BTC/USD\"],\"quantities\":{\"BTC/USD\":-1}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("quantity")));
        putAs("42", "{\"symbols\":[\"BTC/USD\"],\"quantities\":{\"SOL/USD\":1}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("not in 'symbols'")));
        verify(repository, never()).replace(anyLong(), anyMap());
    }

    @Test
    void invalidJsonIsA400Problem() throws Exception {
        putAs("42", "{\"symbols\": [\"BTC/USD\"")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("JSON")));
        putAs("42", "{\"symbols\": \"BTC/USD\", \"quantities\": {\"BTC/USD\": \"lots\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anOversizedBodyIsA413Problem() throws Exception {
        String huge = "{\"symbols\":[" + "\"BTC/USD\",".repeat(3000) + "\"BTC/USD\"]}";
        putAs("42", huge)
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("larger than")));
    }

    @Test
    void withoutATokenNothingIsReadOrChanged() throws Exception {
        mvc.perform(put("/api/me/portfolio").contentType(MediaType.APPLICATION_JSON).content("{\"symbols\":[]}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verify(repository, never()).replace(anyLong(), anyMap());
    }

    @Test
    void anUnsupportedMethodIsA405Problem() throws Exception {
        mvc.perform(delete("/api/me/portfolio").with(jwt().jwt(token -> token.subject("42"))))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private ResultActions putAs(String userId, String body) throws Exception {
        return mvc.perform(put("/api/me/portfolio").with(jwt().jwt(token -> token.subject(userId)))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
