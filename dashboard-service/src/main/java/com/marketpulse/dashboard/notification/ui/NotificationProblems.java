package com.marketpulse.dashboard.notification.ui;

import com.marketpulse.dashboard.api.ApiException;

/** What the API's refusal says to the person (a bad target, a limit reached, too soon), never a stack trace. */
final class NotificationProblems {

    private NotificationProblems() {
    }

    static String message(ApiException e) {
        return switch (e.problem()) {
            case INVALID, CONFLICT, THROTTLED, NOT_FOUND -> e.detail().orElse(e.userMessage());
            default -> e.userMessage();
        };
    }
}
