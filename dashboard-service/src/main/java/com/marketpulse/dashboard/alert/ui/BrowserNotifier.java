package com.marketpulse.dashboard.alert.ui;

import java.util.List;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.dashboard.alert.AlertText;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * Desktop notifications of new alerts through the browser's Notification API. Permission is asked only when
 * the person clicks the button (never on page load); the browser's answer is shown on the button.
 */
public final class BrowserNotifier extends Composite<Button> {

    private static final String PERMISSION_EVENT = "notification-permission";

    private boolean enabled;

    public BrowserNotifier() {
        var button = getContent();
        button.setId("notify-toggle");
        button.setIcon(VaadinIcon.BELL_O.create());
        button.setText("Notify me in this browser");
        button.addThemeVariants(ButtonVariant.TERTIARY);
        // asked from the click itself: browsers only allow the permission prompt during a user gesture
        button.getElement().executeJs("""
                const button = this;
                button.addEventListener('click', () => {
                  if (!('Notification' in window)) {
                    button.dispatchEvent(new CustomEvent('%1$s', {detail: 'unsupported'}));
                    return;
                  }
                  Notification.requestPermission().then(answer =>
                      button.dispatchEvent(new CustomEvent('%1$s', {detail: answer})));
                });""".formatted(PERMISSION_EVENT));
        button.getElement().addEventListener(PERMISSION_EVENT,
                        event -> permission(event.getEventData().path("event.detail").asString("")))
                .addEventData("event.detail");
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        getContent().getElement()
                .executeJs("return ('Notification' in window) ? Notification.permission : 'unsupported'")
                .then(String.class, this::permission);
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Shows one desktop notification per alert, when the person allowed it. */
    public void notify(List<AlertDto> alerts) {
        if (!enabled) {
            return;
        }
        for (AlertDto alert : alerts) {
            String title = alert.symbol() + ": " + AlertText.type(alert.type()) + " " + AlertText.direction(alert.direction());
            String body = (alert.level() == null ? "" : AlertText.type(alert.level()) + " " + alert.severity() + " · ")
                    + (alert.explanation() == null ? "" : alert.explanation());
            getContent().getElement().executeJs(
                    "if (('Notification' in window) && Notification.permission === 'granted') {"
                            + " new Notification($0, {body: $1, tag: $2}); }",
                    title, body, alert.id());
        }
    }

    private void permission(String answer) {
        var button = getContent();
        enabled = "granted".equals(answer);
        switch (answer) {
            case "granted" -> {
                button.setText("Browser notifications on");
                button.setIcon(VaadinIcon.BELL.create());
            }
            case "denied" -> {
                button.setText("Notifications are blocked in this browser's settings");
                button.setEnabled(false);
            }
            case "unsupported" -> button.setVisible(false);
            default -> button.setText("Notify me in this browser");
        }
    }
}
