/** api-service's shared Kafka plumbing. */
package com.marketpulse.api.kafka;
