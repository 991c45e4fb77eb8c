/**
 * "Send a test alert": the owners' requests (the API's {@code api.channel_test_requests}) become one delivery each of
 * a marked test alert, sent by the dispatcher through the channel's real sender like any other.
 */
package com.marketpulse.delivery.testsend;
