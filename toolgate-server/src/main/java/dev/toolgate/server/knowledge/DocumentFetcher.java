package dev.toolgate.server.knowledge;

import dev.toolgate.core.egress.EgressDecision;
import dev.toolgate.core.egress.EgressDeniedException;
import dev.toolgate.core.egress.EgressPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.tls.HandshakeCertificates;

/**
 * Fetches a knowledge-base document from an https URL under the same egress policy as tool calls
 * (docs/security.md): {@link EgressPolicy#checkUrl} before anything is resolved, then the policy's guarded DNS and
 * sockets judge every address the connection really uses; TLS only, no redirects (a 3xx fails), no proxy, trust in
 * the platform CAs plus {@code toolgate.egress.extra-ca}. One deadline ({@code toolgate.knowledge.fetch-budget})
 * covers DNS, connect, TLS and the whole body, and at most {@code max-document-bytes} + 1 bytes are read. Failure
 * messages name at most the host and port, never the URL (its query may hold a token). Thread-safe.
 */
public final class DocumentFetcher {

    private final EgressPolicy egress;
    private final OkHttpClient client;
    private final long maxBytes;

    /** What a URL answered. */
    record Fetched(byte[] body, String contentType) {}

    /**
     * @param egress the deployment's egress policy (the one tool calls use)
     * @param extraCas extra trusted CA certificates, possibly empty
     * @param budget the deadline of one fetch
     * @param maxBytes the most body bytes a document may have
     * @param userAgent the {@code User-Agent} sent
     */
    DocumentFetcher(
            EgressPolicy egress, List<X509Certificate> extraCas, Duration budget, long maxBytes, String userAgent) {
        this.egress = egress;
        this.maxBytes = maxBytes;
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectionSpecs(List.of(ConnectionSpec.MODERN_TLS))
                .callTimeout(budget)
                .connectTimeout(budget)
                .readTimeout(budget)
                .addNetworkInterceptor(chain -> chain.proceed(chain.request()
                        .newBuilder()
                        .header("User-Agent", userAgent)
                        .build()));
        if (!extraCas.isEmpty()) {
            HandshakeCertificates.Builder trust = new HandshakeCertificates.Builder().addPlatformTrustedCertificates();
            extraCas.forEach(trust::addTrustedCertificate);
            HandshakeCertificates certificates = trust.build();
            builder.sslSocketFactory(certificates.sslSocketFactory(), certificates.trustManager());
        }
        egress.applyTo(builder);
        this.client = builder.followRedirects(false).followSslRedirects(false).build();
    }

    /**
     * Returns why the URL may not be fetched (scheme, authority, blocked literal or special-use name), without DNS,
     * or null when it passes this first check.
     */
    String refusal(String url) {
        EgressDecision decision = egress.checkUrl(url);
        return decision.allowed() ? null : decision.reason();
    }

    /**
     * Fetches a URL.
     *
     * @param url an https URL that passed {@link #refusal}
     * @return the body and its {@code Content-Type}
     * @throws FetchFailed with a message safe to show, for any failure; {@link FetchFailed#tooLarge()} when the
     *     body passed the limit
     */
    Fetched fetch(String url) throws FetchFailed {
        String refusal = refusal(url);
        if (refusal != null) {
            throw new FetchFailed("the URL is not allowed: " + refusal, false);
        }
        HttpUrl parsed = HttpUrl.get(url);
        String where = parsed.host() + ":" + parsed.port();
        Call call = client.newCall(new Request.Builder().url(parsed).get().build());
        try (Response response = call.execute()) {
            if (response.code() >= 300 && response.code() < 400) {
                throw new FetchFailed(where + " answered " + response.code() + " (a redirect, not followed)", false);
            }
            if (!response.isSuccessful()) {
                throw new FetchFailed(where + " answered " + response.code(), false);
            }
            ResponseBody body = response.body();
            if (body.contentLength() > maxBytes) {
                throw new FetchFailed("the document at " + where + " is larger than " + maxBytes + " bytes", true);
            }
            return new Fetched(readCapped(body.byteStream(), where), response.header("Content-Type"));
        } catch (FetchFailed e) {
            throw e;
        } catch (IOException e) {
            throw new FetchFailed(describe(e, where), false);
        } finally {
            call.cancel();
        }
    }

    private byte[] readCapped(InputStream in, String where) throws IOException, FetchFailed {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new FetchFailed("the document at " + where + " is larger than " + maxBytes + " bytes", true);
        }
        return bytes;
    }

    private static String describe(IOException failure, String where) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable t = failure; t != null && all.size() < 32; t = t.getCause() == t ? null : t.getCause()) {
            all.add(t);
            for (Throwable suppressed : t.getSuppressed()) {
                all.add(suppressed);
            }
        }
        for (Throwable t : all) {
            if (t instanceof EgressDeniedException denied) {
                return "blocked by the egress policy: " + denied.getMessage();
            }
        }
        for (Throwable t : all) {
            if (t instanceof InterruptedIOException) {
                return "fetching from " + where + " took longer than its budget";
            }
            if (t instanceof UnknownHostException) {
                return "the host of " + where + " could not be resolved";
            }
            if (t instanceof SSLException) {
                return "the TLS handshake with " + where + " failed";
            }
        }
        return "could not connect to " + where;
    }

    /** A fetch that failed; the message is safe to show the tenant. */
    static final class FetchFailed extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean tooLarge;

        FetchFailed(String message, boolean tooLarge) {
            super(message, null, false, false);
            this.tooLarge = tooLarge;
        }

        /** Returns whether the body was over the document limit. */
        boolean tooLarge() {
            return tooLarge;
        }
    }

    /** Ends the client's threads and connections. */
    void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
