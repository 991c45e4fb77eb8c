package com.marketpulse.dashboard.base.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.marketpulse.dashboard.api.ApiException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Turns an error no view handled into a notification a person can read: an API failure says what went
 * wrong; anything else is logged with its stack trace and shown as a short apology.
 */
@Configuration
class MainErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(MainErrorHandler.class);

    @Bean
    VaadinServiceInitListener errorHandlerInitializer() {
        return event -> event.getSource().addSessionInitListener(
                sessionInit -> sessionInit.getSession().setErrorHandler(MainErrorHandler::handle));
    }

    static void handle(ErrorEvent error) {
        Throwable cause = apiCause(error.getThrowable());
        String message;
        if (cause instanceof ApiException api) {
            log.warn("API call failed: {}", api.getMessage());
            message = api.userMessage();
        } else {
            log.error("An unexpected error occurred", error.getThrowable());
            message = "Something went wrong. Please try again.";
        }
        error.getComponent().flatMap(Component::getUI).ifPresent(ui -> ui.access(() -> Notifications.error(message)));
    }

    private static Throwable apiCause(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ApiException) {
                return t;
            }
        }
        return thrown;
    }
}
