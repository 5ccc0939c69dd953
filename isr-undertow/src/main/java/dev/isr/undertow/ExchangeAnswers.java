package dev.isr.undertow;

import dev.isr.core.CachedResponse;
import dev.isr.core.Header;
import dev.isr.core.Lookup;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;

/** Writes an answer from the cache to an exchange, as {@code CachedResponses} does to a Servlet response. */
final class ExchangeAnswers {

    private static final HttpString AGE = HttpString.tryFromString("Age");
    private static final HttpString CACHE_STATUS = HttpString.tryFromString("Cache-Status");
    private static final HttpString CONTENT_RANGE = HttpString.tryFromString("Content-Range");

    private ExchangeAnswers() {}

    /** Writes {@code serve} and ends the exchange; the body goes out from the stored bytes, not copied. */
    static void write(Lookup.Serve serve, HttpServerExchange exchange) {
        CachedResponse entry = serve.entry();
        exchange.setStatusCode(serve.status());
        HeaderMap fields = exchange.getResponseHeaders();
        for (Header header : entry.headers()) {
            if (serve.sends(header.name())) {
                fields.add(HeaderNames.of(header.name()), header.value());
            }
        }
        fields.put(AGE, serve.ageSeconds());
        fields.put(CACHE_STATUS, serve.cacheStatus());
        if (!serve.sendsContent()) {
            exchange.endExchange();
            return;
        }
        if (serve.range() != null) {
            fields.put(CONTENT_RANGE, serve.range().contentRange());
        }
        exchange.setResponseContentLength(serve.contentLength());
        if (serve.withBody() && serve.contentLength() > 0) {
            exchange.getResponseSender()
                    .send(ByteBuffer.wrap(entry.body(), serve.contentOffset(), serve.contentLength())
                            .asReadOnlyBuffer());
        } else {
            exchange.endExchange();
        }
    }
}
