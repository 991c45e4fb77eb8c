/**
 * From a live alert to deliveries: the holders of its coin (read from the API's schema), each one's decision by
 * their alert rules (alert-rules), recorded once per user, alert and severity, and a delivery per enabled channel.
 */
package com.marketpulse.delivery.intake;
