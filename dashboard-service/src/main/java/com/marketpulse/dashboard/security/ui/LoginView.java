package com.marketpulse.dashboard.security.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The login page. The form posts to Spring Security, which asks api-service; a failed attempt comes back
 * here with {@code ?error} (wrong credentials), {@code ?error=throttled&retry=N} or {@code ?error=unavailable}.
 */
@Route(value = LoginView.ROUTE, autoLayout = false)
@PageTitle("Log in · MarketPulse")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    public static final String ROUTE = "login";
    public static final String ERROR = "error";
    public static final String THROTTLED = "throttled";
    public static final String UNAVAILABLE = "unavailable";
    public static final String RETRY = "retry";
    /** Set by the registration view after a new account was created. */
    public static final String REGISTERED = "registered";

    private final AuthenticationContext authentication;
    private final LoginForm login = new LoginForm();
    private final Paragraph notice = new Paragraph();

    public LoginView(AuthenticationContext authentication) {
        this.authentication = authentication;
        setId("login-view");
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.AlignItems.CENTER,
                LumoUtility.Padding.LARGE, LumoUtility.Gap.SMALL);
        login.setAction(ROUTE);
        login.setForgotPasswordButtonVisible(false);
        notice.setId("login-notice");
        notice.setVisible(false);
        notice.addClassNames(LumoUtility.TextColor.SUCCESS);
        var tagline = new Paragraph("Live anomaly alerts for the coins you hold.");
        tagline.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        var register = new RouterLink("New here? Create an account", RegisterView.class);
        register.setId("register-link");
        add(new H1("MarketPulse"), tagline, notice, login, register);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        if (query.containsKey(REGISTERED)) {
            notice.setText("Your account is ready. Log in with your new user name and password.");
            notice.setVisible(true);
        }
        if (query.containsKey(ERROR)) {
            String reason = query.get(ERROR).stream().findFirst().orElse("");
            String retry = query.getOrDefault(RETRY, List.of()).stream().findFirst().orElse(null);
            showError(reason, retry);
        }
    }

    private void showError(String reason, String retrySeconds) {
        var message = new LoginI18n.ErrorMessage();
        switch (reason) {
            case THROTTLED -> {
                message.setTitle("Too many attempts");
                message.setMessage("Please wait " + (retrySeconds == null ? "a moment" : retrySeconds + " seconds")
                        + " before you try again.");
            }
            case UNAVAILABLE -> {
                message.setTitle("MarketPulse is not reachable");
                message.setMessage("The MarketPulse API did not answer. Please try again in a moment.");
            }
            default -> {
                message.setTitle("Wrong user name or password");
                message.setMessage("Check that you typed them correctly and try again.");
            }
        }
        var i18n = LoginI18n.createDefault();
        i18n.setErrorMessage(message);
        login.setI18n(i18n);
        login.setError(true);
    }
}
