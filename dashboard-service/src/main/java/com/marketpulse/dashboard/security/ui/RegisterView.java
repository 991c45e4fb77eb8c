package com.marketpulse.dashboard.security.ui;

import org.jspecify.annotations.Nullable;

import com.marketpulse.dashboard.api.ApiClient;
import com.marketpulse.dashboard.api.ApiException;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** Creates an account at api-service, then sends the new user to the login view. */
@Route(value = "register", autoLayout = false)
@PageTitle("Create an account · MarketPulse")
@AnonymousAllowed
public class RegisterView extends Main {

    private final ApiClient api;
    private final TextField username = new TextField("User name");
    private final PasswordField password = new PasswordField("Password");
    private final PasswordField repeat = new PasswordField("Repeat the password");
    private final Paragraph problem = new Paragraph();

    public RegisterView(ApiClient api) {
        this.api = api;
        setId("register-view");
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.AlignItems.CENTER,
                LumoUtility.Padding.LARGE);
        username.setId("register-username");
        password.setId("register-password");
        repeat.setId("register-repeat");
        username.setRequired(true);
        password.setRequired(true);
        username.setAutofocus(true);
        problem.setId("register-problem");
        problem.addClassNames(LumoUtility.TextColor.ERROR);
        problem.setVisible(false);
        var create = new Button("Create account", click -> register());
        create.setId("register-submit");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickShortcut(Key.ENTER);
        var form = new VerticalLayout(username, password, repeat, problem, create,
                new RouterLink("I already have an account", LoginView.class));
        form.setPadding(false);
        form.setMaxWidth("22em");
        form.getChildren().forEach(child -> child.getElement().getStyle().set("width", "100%"));
        add(new H1("Create an account"), form);
    }

    private void register() {
        username.setInvalid(false);
        password.setInvalid(false);
        repeat.setInvalid(false);
        problem.setVisible(false);
        String name = username.getValue().trim();
        if (name.isEmpty()) {
            fail(username, "Choose a user name.");
            return;
        }
        if (password.getValue().isEmpty()) {
            fail(password, "Choose a password.");
            return;
        }
        if (!password.getValue().equals(repeat.getValue())) {
            fail(repeat, "The two passwords differ.");
            return;
        }
        try {
            api.register(name, password.getValue(), browserAddress());
            getUI().ifPresent(ui -> ui.navigate(LoginView.class, com.vaadin.flow.router.QueryParameters.of(LoginView.REGISTERED, "")));
        } catch (ApiException e) {
            switch (e.problem()) {
                case CONFLICT -> fail(username, "The user name '" + name + "' is taken. Please choose another.");
                case INVALID -> fail(password, e.detail().map(RegisterView::sentence).orElse("That password is too weak."));
                default -> showProblem(e.userMessage());
            }
        }
    }

    /** The address of the browser this view runs in, forwarded so the API throttles registrations per browser. */
    private static @Nullable String browserAddress() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? null : session.getBrowser().getAddress();
    }

    private void fail(TextField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        showProblem(message);
    }

    private void fail(PasswordField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        showProblem(message);
    }

    private void showProblem(String message) {
        problem.setText(message);
        problem.setVisible(true);
    }

    private static String sentence(String detail) {
        return detail.endsWith(".") ? detail : detail + ".";
    }
}
