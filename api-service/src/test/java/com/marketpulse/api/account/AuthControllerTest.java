package com.marketpulse.api.account;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.marketpulse.api.ApiSliceTest;
import com.marketpulse.api.contract.IssuedToken;
import com.marketpulse.api.security.ClientAddresses;
import com.marketpulse.api.security.Tokens;
import com.marketpulse.api.web.ApiException;

@ApiSliceTest(AuthController.class)
class AuthControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AccountService accounts;
    @MockitoBean
    Tokens tokens;
    @MockitoBean
    ClientAddresses addresses;

    @Test
    void loginAnswersWithTokenAndExpiry() throws Exception {
        when(accounts.login(any(), any())).thenReturn(new SignedIn(
                new IssuedToken("signed.jwt.value", Instant.parse("2026-11-24T13:00:00Z")), "device-token-1"));

        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"demo\",\"password\":\"demo123\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("MarketPulse-Device", "device-token-1"))
                .andExpect(jsonPath("$.token").value("signed.jwt.value"))
                .andExpect(jsonPath("$.expiresAt").value("2026-11-24T13:00:00Z"));
    }

    @Test
    void aThrottledLoginIs429WithRetryAfter() throws Exception {
        when(accounts.login(any(), any()))
                .thenThrow(ApiException.tooManyRequests("Too many failed sign-ins", Duration.ofMillis(2500)));

        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"demo\",\"password\":\"wrong\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "3"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aMissingOrNonJsonBodyIsA4xxProblem() throws Exception {
        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/auth/login").contentType(MediaType.TEXT_PLAIN).content("demo:demo123"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void logoutRevokesTheTokenUsed() throws Exception {
        mvc.perform(post("/api/auth/logout").with(jwt().jwt(token -> token.subject("5").jti("token-1"))))
                .andExpect(status().isNoContent());
        verify(tokens).revoke(org.mockito.ArgumentMatchers.argThat(jwt -> "token-1".equals(jwt.getId())));
    }

    @Test
    void meNeedsAToken() throws Exception {
        mvc.perform(get("/api/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("Sign in")));
    }
}
