package com.marketpulse.api.contract;

import java.time.Instant;

/**
 * An email channel's address confirmed by the link mailed to it: alerts go to it from now on.
 *
 * @param channelId   the channel, as {@code /api/me/channels} lists it
 * @param address     the confirmed address
 * @param confirmedAt when
 */
public record EmailConfirmed(long channelId, String address, Instant confirmedAt) {
}
