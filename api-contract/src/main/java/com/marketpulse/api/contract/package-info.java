/**
 * The MarketPulse REST API as both sides see it: the records api-service's controllers return and accept, and
 * {@link com.marketpulse.api.contract.MarketPulseApi}, the declarative client the dashboard calls it through.
 * {@code openapi.json} beside these classes is the API's OpenAPI document as api-service generates it; api-service's
 * tests keep it current and the dashboard's test double is checked against it.
 */
@NullMarked
package com.marketpulse.api.contract;

import org.jspecify.annotations.NullMarked;
