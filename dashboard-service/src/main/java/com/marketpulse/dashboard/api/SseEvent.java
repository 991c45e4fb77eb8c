package com.marketpulse.dashboard.api;

import org.jspecify.annotations.Nullable;

/** One Server-Sent Event: its type ({@code message} when none was given), its last id and its data lines. */
record SseEvent(String event, @Nullable String id, String data) {
}
