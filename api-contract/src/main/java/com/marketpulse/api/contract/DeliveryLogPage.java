package com.marketpulse.api.contract;

import java.util.List;

/**
 * A page of the delivery log, newest first.
 *
 * @param total the user's deliveries in all (with the channel filter, if any)
 */
public record DeliveryLogPage(List<DeliveryLogEntry> items, int page, int size, long total) {
}
