package com.marketpulse.ingestion.alpaca;

/** What the stream does about an {@code {"T":"error"}} message, by code (PROTOCOL.md §1.7). */
enum ErrorReaction {
    /** Retrying cannot help (bad keys, a plan without this data, a refused subscription): stop, no reconnect. */
    STOP,
    /** 406: another session holds the connection slot; wait at least the limit back-off. */
    RECONNECT_AFTER_LIMIT,
    /** The session is unusable (401, 404, 407, 500): a fresh connection after the usual back-off. */
    RECONNECT,
    /** 403 already authenticated: harmless. */
    CONTINUE,
    /** A complaint about one request (400, 405 after subscribing) or an undocumented code: log it and go on. */
    REPORT;

    static ErrorReaction to(int code, boolean subscribing) {
        return switch (code) {
            case 402, 408, 409, 410, 411 -> STOP;
            case 400, 405 -> subscribing ? STOP : REPORT;
            case 406 -> RECONNECT_AFTER_LIMIT;
            case 401, 404, 407, 500 -> RECONNECT;
            case 403 -> CONTINUE;
            default -> REPORT;
        };
    }

    /** Why the source stops, in words an operator can act on. */
    static String stopReason(int code, String message, java.util.List<String> symbols) {
        String what = code + " " + message;
        return switch (code) {
            case 402 -> "Alpaca refused the session (" + what + "): check ALPACA_API_KEY and ALPACA_SECRET_KEY";
            case 400 -> "Alpaca refused the subscription to " + symbols + " (" + what
                    + "): a symbol is not a pair like BTC/USD; check MARKETPULSE_SYMBOLS";
            case 405 -> "Alpaca refused the subscription to " + symbols + " (" + what
                    + "): the plan allows fewer symbols; check MARKETPULSE_SYMBOLS";
            default -> "Alpaca refused the session (" + what + "): the account's plan lacks this data";
        };
    }
}
