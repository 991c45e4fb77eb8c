package com.marketpulse.dashboard.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The dashboard's notifications, one look everywhere. Call on the UI thread (or inside {@code ui.access}). */
public final class Notifications {

    private static final int SHORT = 3000;
    private static final int LONG = 8000;

    private Notifications() {
    }

    public static Notification error(String message) {
        return show(message, LONG, NotificationVariant.ERROR);
    }

    public static Notification success(String message) {
        return show(message, SHORT, NotificationVariant.SUCCESS);
    }

    public static Notification info(String message) {
        return show(message, SHORT, NotificationVariant.INFO);
    }

    private static Notification show(String message, int millis, NotificationVariant variant) {
        var notification = new Notification(message, millis, Notification.Position.BOTTOM_END);
        notification.addThemeVariants(variant);
        notification.open();
        return notification;
    }
}
