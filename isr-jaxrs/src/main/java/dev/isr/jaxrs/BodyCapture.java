package dev.isr.jaxrs;

import dev.isr.core.CacheKey;
import dev.isr.core.CacheStatistics;
import dev.isr.core.CacheStatus;
import dev.isr.core.CaptureBudget;
import dev.isr.core.EntityTags;
import dev.isr.core.Header;
import dev.isr.core.IsrConfig;
import dev.isr.core.PassMemory;
import dev.isr.core.StoreRefusals;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;

/**
 * Buffers the body of a response to be stored, up to {@code isr.max-body-bytes}: a body within the limit gets an
 * {@code ETag} if it had none, is stored and written out; a larger one is streamed through unstored, reported as
 * {@code detail=too-large}, and so is one that finds the node's {@link CaptureBudget} ({@code isr.capture.max-bytes})
 * used up ({@code detail=capture-budget}).
 */
@Dependent
class BodyCapture {

    private static final System.Logger LOG = System.getLogger(BodyCapture.class.getName());

    private final IsrConfig config;
    private final CaptureBudget captureBudget;
    private final CacheStatistics statistics;
    private final CacheStatus cacheStatus;
    private final PassMemory passes;
    private final Clock clock;
    private final CaptureOutcome outcome;
    private final StoreRefusals refusals;

    @Inject
    BodyCapture(
            IsrConfig config,
            CaptureBudget captureBudget,
            CacheStatistics statistics,
            CacheStatus cacheStatus,
            PassMemory passes,
            Clock clock,
            CaptureOutcome outcome,
            StoreRefusals refusals) {
        this.config = config;
        this.captureBudget = captureBudget;
        this.statistics = statistics;
        this.cacheStatus = cacheStatus;
        this.passes = passes;
        this.clock = clock;
        this.outcome = outcome;
        this.refusals = refusals;
    }

    /** Writes the body of {@code context} through a bounded buffer, then stores it if it fitted. */
    void writeAndStore(WriterInterceptorContext context, PendingCapture pending) throws IOException {
        OutputStream client = context.getOutputStream();
        MultivaluedMap<String, Object> headers = context.getHeaders();
        BoundedCapture capture = new BoundedCapture(
                config.maxBodyBytes(), captureBudget, client, overflow -> overflowed(pending, overflow, headers));
        context.setOutputStream(capture);
        try {
            try {
                context.proceed();
            } finally {
                context.setOutputStream(client);
            }
            if (capture.overflowed()) {
                return;
            }
            byte[] body = capture.toByteArray();
            if (pending.status() >= 200 && pending.status() < 300 && !headers.containsKey("ETag")) {
                headers.putSingle("ETag", EntityTags.strong(pending.status(), body));
            }
            outcome.store(pending, storedFields(headers, context.getMediaType()), body, headers);
            client.write(body);
        } finally {
            capture.release(); // the buffer is held until the body is stored and written
        }
    }

    /** The fields replayed with the entry, the media type the writer chose included. */
    private static List<Header> storedFields(MultivaluedMap<String, Object> headers, MediaType mediaType) {
        List<Header> stored = StoredFields.replayed(headers);
        if (mediaType != null && stored.stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Type"))) {
            stored.add(new Header("Content-Type", mediaType.toString()));
        }
        return stored;
    }

    private void overflowed(
            PendingCapture pending, BoundedCapture.Overflow overflow, MultivaluedMap<String, Object> headers) {
        CacheKey key = pending.store().key();
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "{0}: not stored, {1} (body limit {2} bytes, {3})",
                    key,
                    overflow.detail(),
                    config.maxBodyBytes(),
                    captureBudget);
        }
        statistics.bypass(overflow.detail());
        passes.remember(key, clock.instant());
        refusals.refused(key, overflow.detail(), clock.instant());
        headers.putSingle(
                CachedResponses.CACHE_STATUS,
                cacheStatus.forwarded(pending.lookup().reason(), false, overflow.detail()));
    }
}
