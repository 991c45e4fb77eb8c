package com.marketpulse.api.account;

import org.springframework.context.ApplicationContext;

/**
 * Forgets every sign-in failure in the shared test context, for ITs of other packages that register accounts: the
 * per-address throttle (all tests share one client address) may still hold another IT's deliberate failures.
 */
public final class ThrottleReset {

    private ThrottleReset() {
    }

    public static void clear(ApplicationContext context) {
        context.getBean(Throttles.class).clear();
    }
}
