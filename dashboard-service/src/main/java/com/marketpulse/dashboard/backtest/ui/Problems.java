package com.marketpulse.dashboard.backtest.ui;

import com.marketpulse.dashboard.api.ApiException;

/** What the API's refusal of a backtest call says to the person, never a stack trace. */
final class Problems {

    private Problems() {
    }

    /** The API's own detail where it explains the refusal (bad file, a limit reached), else the general sentence. */
    static String message(ApiException e) {
        return switch (e.problem()) {
            case INVALID, CONFLICT, THROTTLED, NOT_FOUND -> e.detail().orElse(e.userMessage());
            default -> e.userMessage();
        };
    }
}
