/**
 * Channel secrets (webhook signing secrets, later bot tokens and SMTP passwords) sealed so that only the delivering
 * service can read them: the API holds delivery-service's public key and seals; delivery-service alone holds the
 * private key and opens. JDK crypto only.
 */
package com.marketpulse.alerting.seal;
