/**
 * The one wire format: the JSON mapper of events and the Kafka serializers, deserializers and serdes built on it.
 */
package com.marketpulse.events.json;
