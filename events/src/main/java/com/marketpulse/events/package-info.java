/**
 * Events are immutable records with an id and an event time; JSON on the wire. Plain Java: no Spring here.
 */
package com.marketpulse.events;
