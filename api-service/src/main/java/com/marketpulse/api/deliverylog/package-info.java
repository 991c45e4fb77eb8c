/**
 * The signed-in user's delivery log ({@code /api/me/deliveries}): what delivery-service sent to their channels and
 * how each attempt went, read from schema {@code delivery} (read only).
 */
package com.marketpulse.api.deliverylog;
