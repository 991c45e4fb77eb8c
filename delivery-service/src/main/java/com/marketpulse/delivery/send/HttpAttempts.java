package com.marketpulse.delivery.send;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.function.IntFunction;

/**
 * One HTTP send of a channel sender (webhook, Web Push): the receiver's status is judged by the sender's own rule;
 * no answer (a timeout, a connection failure, an interrupt) is always worth another attempt.
 */
final class HttpAttempts {

    private HttpAttempts() {
    }

    static Attempt send(HttpClient client, HttpRequest request, IntFunction<Attempt> judge) {
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return judge.apply(response.statusCode());
        } catch (HttpTimeoutException e) {
            return Attempt.retry(null, "timeout");
        } catch (IOException e) {
            return Attempt.retry(null, "connection failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.retry(null, "interrupted");
        }
    }
}
