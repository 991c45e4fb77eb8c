package com.marketpulse.dashboard.alert.ui;

import com.marketpulse.dashboard.api.ApiException;
import com.marketpulse.dashboard.api.PushClient;
import com.marketpulse.dashboard.base.ui.Notifications;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * "Notify this browser": subscribes it to Web Push (the service worker {@code /push-sw.js} in scope {@code /push/},
 * beside Vaadin's own in {@code /}; the server's VAPID key)
 * and stores the subscription as a channel through the API, so alerts of held coins arrive with the tab closed.
 * Hidden where the browser has no Push API or the server no Web Push. The subscription happens in the click itself:
 * browsers ask for the permission only during a user gesture.
 */
public final class PushSubscriber extends Composite<Button> {

    private static final String SUBSCRIBED = "push-subscribed";
    private static final String REFUSED = "push-refused";

    private final PushClient push;
    private final String token;

    public PushSubscriber(PushClient push, String token) {
        this.push = push;
        this.token = token;
        var button = getContent();
        button.setId("push-subscribe");
        button.setIcon(VaadinIcon.MOBILE.create());
        button.setText("Notify this browser, tab closed too");
        button.addThemeVariants(ButtonVariant.TERTIARY);
        button.setVisible(false);
        button.getElement().executeJs("""
                const button = this;
                button.addEventListener('click', async () => {
                  try {
                    // a scope of its own: Vaadin's service worker keeps '/'
                    const registration = await navigator.serviceWorker.register('/push-sw.js', {scope: '/push/'});
                    const worker = registration.installing || registration.waiting;
                    if (!registration.active && worker) {
                      await new Promise(activated => worker.addEventListener('statechange',
                          () => worker.state === 'activated' && activated()));
                    }
                    const subscription = await registration.pushManager.subscribe(
                        {userVisibleOnly: true, applicationServerKey: button.dataset.key});
                    button.dispatchEvent(new CustomEvent('%1$s', {detail: JSON.stringify(subscription.toJSON())}));
                  } catch (e) {
                    button.dispatchEvent(new CustomEvent('%2$s', {detail: String((e && e.message) || e)}));
                  }
                });""".formatted(SUBSCRIBED, REFUSED));
        button.getElement().addEventListener(SUBSCRIBED,
                        event -> subscribed(event.getEventData().path("event.detail").asString("")))
                .addEventData("event.detail");
        button.getElement().addEventListener(REFUSED,
                event -> Notifications.error("This browser did not subscribe: "
                        + event.getEventData().path("event.detail").asString("")))
                .addEventData("event.detail");
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        String key;
        try {
            key = push.serverKey();
        } catch (ApiException e) {
            return; // no Web Push on this server: the button stays hidden
        }
        var element = getContent().getElement();
        element.setAttribute("data-key", key);
        // asked through the page: Flow runs no script on a hidden element until it is shown
        attach.getUI().getPage().executeJs("return ('serviceWorker' in navigator) && ('PushManager' in window)")
                .then(Boolean.class, supported -> getContent().setVisible(Boolean.TRUE.equals(supported)));
    }

    private void subscribed(String subscription) {
        try {
            push.subscribe(token, subscription);
            Notifications.success("This browser gets your alerts now, also with the dashboard closed.");
            getContent().setText("This browser gets alerts");
            getContent().setEnabled(false);
        } catch (ApiException e) {
            if (e.status() == 409) {
                Notifications.info("This browser already gets your alerts.");
            } else {
                Notifications.error("Could not add this browser: " + e.userMessage());
            }
        }
    }
}
