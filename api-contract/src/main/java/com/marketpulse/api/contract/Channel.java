package com.marketpulse.api.contract;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A delivery channel of the signed-in user. Its secret is never shown again after creation.
 *
 * @param hasSecret whether a secret is stored for it (webhooks: the signing secret)
 * @param paused    delivery-service paused it after failing again and again; changing or re-enabling it resumes it
 * @param confirmedAt EMAIL: when its owner followed the link mailed to the address; {@code null}: awaiting that
 *                    link, nothing is sent to it (always {@code null} for other types)
 */
public record Channel(long id, String type, String name, String target, boolean enabled, boolean hasSecret,
                      boolean paused, Instant createdAt, @Schema(nullable = true) Instant confirmedAt) {
}
