package com.marketpulse.dashboard.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.marketpulse.dashboard.api.ApiClient;
import com.marketpulse.dashboard.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/** Vaadin's security setup with the login view, the API-backed login and the API logout. */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiClient api) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                // third-party browser libraries loaded at run time (the price charts)
                .requestMatchers("/vendor/**").permitAll()
                // the Web Push service worker: the browser fetches it (and its updates) without a session
                .requestMatchers("/push-sw.js").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .loginView(LoginView.class)
                .addLogoutHandler(new ApiLogoutHandler(api)));
        // Added after Vaadin's configurer, so that its init (which sets the login view as login page and its
        // success handler) runs first; the login page is then custom and this failure handler is kept.
        http.formLogin(form -> form.failureHandler(new LoginFailureHandler()));
        return http.build();
    }
}
