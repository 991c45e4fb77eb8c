package com.marketpulse.delivery.send;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP sends of a channel sender (webhook, Web Push), over connections only to addresses {@link TargetGuard}
 * vetted: the guard is the client's only DNS, asked once per connection, and the connection goes to the addresses it
 * answered, so no second lookup can answer otherwise (DNS rebinding). The connection still names the host: TLS sends
 * it (SNI) and checks the certificate against it. HTTP/1.1 only (no h2c upgrade, which some receivers refuse); a
 * redirect is not followed (it could lead to an internal address) but judged as its status. The receiver's status is
 * judged by the sender's own rule; a refused target fails for good; no answer (a timeout, a connection failure, an
 * interrupt) is always worth another attempt.
 * <p>
 * Not closed: it starts no threads and keeps no connection between sends, so there is nothing to release.
 */
final class HttpAttempts {

    private final CloseableHttpClient client;
    private final Duration requestTimeout;

    /**
     * @param connectTimeout opening a connection to one address
     * @param requestTimeout the whole send, from the lookup to the end of the answer
     */
    HttpAttempts(TargetGuard guard, Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClients.custom()
                .setConnectionManager(connections(guard, connectTimeout, requestTimeout))
                // no connection is reused: each send opens its own, to addresses vetted for that send, and a
                // connection opened for one channel never carries another channel's delivery
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableRedirectHandling()
                // the dispatcher retries, with its back-off and a line in the delivery log for each attempt
                .disableAutomaticRetries()
                // nothing a receiver says is kept for the next send (the JDK client kept no cookies either)
                .disableCookieManagement()
                // no Accept-Encoding: only the status is read, the body is discarded
                .disableContentCompression()
                .build();
        this.requestTimeout = requestTimeout;
    }

    private static PoolingHttpClientConnectionManager connections(TargetGuard guard, Duration connectTimeout,
                                                                  Duration requestTimeout) {
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardAsDns(guard))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(requestTimeout))
                        .build())
                // how many sends run at once is the dispatcher's batch, as with the JDK client: no cap per host
                .setMaxConnTotal(Integer.MAX_VALUE)
                .setMaxConnPerRoute(Integer.MAX_VALUE)
                .build();
    }

    Attempt send(HttpUriRequestBase request, IntFunction<Attempt> judge) {
        // a deadline on the whole send, as the JDK client's request timeout was: a socket timeout alone would let
        // a receiver that answers one byte at a time hold the send for ever
        CompletableFuture<Void> deadline = CompletableFuture.runAsync(request::cancel,
                CompletableFuture.delayedExecutor(requestTimeout.toMillis(), TimeUnit.MILLISECONDS));
        try {
            return judge.apply(client.execute(request, HttpResponse::getCode));
        } catch (RefusedTargetException e) {
            return Attempt.failed(null, "refused: " + e.reason());
        } catch (IOException e) {
            return noAnswer(e, request);
        } finally {
            deadline.cancel(false);
        }
    }

    private static Attempt noAnswer(IOException e, HttpUriRequestBase request) {
        if (Thread.currentThread().isInterrupted()) {
            return Attempt.retry(null, "interrupted");
        }
        if (request.isCancelled() || e instanceof InterruptedIOException) {
            return Attempt.retry(null, "timeout");
        }
        // the JDK's name for a refused connection (the client's own subclass names the host), as the log said
        String what = e instanceof ConnectException ? "ConnectException" : e.getClass().getSimpleName();
        return Attempt.retry(null, "connection failed: " + what);
    }

    /** The guard as the client's DNS: the one lookup of a connection, refused when any answer is internal. */
    private record GuardAsDns(TargetGuard guard) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return guard.vetted(host);
        }

        /** Asked only for Kerberos (SPNEGO), which these sends never use: no lookup besides the vetted one. */
        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
