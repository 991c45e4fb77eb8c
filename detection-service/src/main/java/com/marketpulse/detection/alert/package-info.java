/** The scoring edge: feature vectors in from Kafka, alerts out to PostgreSQL and market.alerts. */
package com.marketpulse.detection.alert;
