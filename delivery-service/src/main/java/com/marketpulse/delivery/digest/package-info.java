/**
 * The quiet-hours digest: at the end of a user's quiet hours, the deliveries held for one channel become one digest
 * delivery (formed once, in one transaction, whichever instance gets there first), which the sender sends as one
 * message; and the digest's body as the channels' texts read it.
 */
package com.marketpulse.delivery.digest;
