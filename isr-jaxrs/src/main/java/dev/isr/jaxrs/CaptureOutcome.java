package dev.isr.jaxrs;

import dev.isr.core.CacheStatistics;
import dev.isr.core.CacheStatus;
import dev.isr.core.CachedResponse;
import dev.isr.core.CaptureDecision;
import dev.isr.core.Header;
import dev.isr.core.IsrConfig;
import dev.isr.core.Lookup;
import dev.isr.core.PassMemory;
import dev.isr.core.ResponseCache;
import dev.isr.core.StoreRefusals;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What becomes of a captured response: stored, or not stored and remembered as not storable (hit-for-pass), and
 * {@code Cache-Status} set to say which. Its callers decide while the body is not yet written, so the field is the
 * truth.
 */
@Dependent
class CaptureOutcome {

    private static final System.Logger LOG = System.getLogger(CaptureOutcome.class.getName());

    private final ResponseCache cache;
    private final CacheStatus cacheStatus;
    private final CacheStatistics statistics;
    private final IsrConfig config;
    private final PassMemory passes;
    private final StoreRefusals refusals;
    private final Clock clock;

    @Inject
    CaptureOutcome(
            ResponseCache cache,
            CacheStatus cacheStatus,
            CacheStatistics statistics,
            IsrConfig config,
            PassMemory passes,
            StoreRefusals refusals,
            Clock clock) {
        this.cache = cache;
        this.cacheStatus = cacheStatus;
        this.statistics = statistics;
        this.config = config;
        this.passes = passes;
        this.refusals = refusals;
        this.clock = clock;
    }

    /**
     * Stores the captured response unless the render turned out to be one visitor's after all (a session or cookie
     * created while the body was written) or the store refuses it (a purge overtook the render), and says which in
     * {@code Cache-Status}.
     */
    void store(PendingCapture pending, List<Header> fields, byte[] body, MultivaluedMap<String, Object> headers) {
        CaptureDecision.Store store = pending.store();
        Lookup.Forward lookup = pending.lookup();
        // the Isr-* fields are gone from the stored ones by now: the decision remembers what the directives vouched
        String veto =
                pending.visitor() == null ? null : pending.visitor().signals().veto(store.visitorIndependent());
        if (veto != null) {
            bypass(lookup, new CaptureDecision.Bypass(veto, lookup.revalidation(), null), headers);
            return;
        }
        // stored as received initialAge ago: every answer's Age is then the initial age plus the time spent here
        Instant receivedAt = clock.instant().minus(pending.initialAge());
        boolean stored = cache.put(
                new CachedResponse(
                        store.key(),
                        pending.status(),
                        fields,
                        body,
                        receivedAt,
                        store.policy(),
                        store.replayFields(),
                        store.tags(),
                        lookup.renderEpoch()),
                store.rule());
        if (!stored) {
            log(
                    "{0}: not stored, the store refused it (a purge overtook the render, or the store failed)",
                    store.key());
            refusals.refused(store.key(), "not-stored", clock.instant());
            headers.putSingle(
                    CachedResponses.CACHE_STATUS, cacheStatus.forwarded(lookup.reason(), false, "not-stored"));
            return;
        }
        passes.forget(store.key());
        refusals.stored(store.key());
        statistics.stored();
        headers.putSingle(CachedResponses.CACHE_STATUS, cacheStatus.forwarded(lookup.reason(), true, lookup.detail()));
        log("{0}: stored, {1} bytes, {2}", store.key(), body.length, store.policy());
    }

    /** Not stored, for the reason in {@code bypass}; a stale entry the origin disowned is removed. */
    void bypass(Lookup.Forward lookup, CaptureDecision.Bypass bypass, MultivaluedMap<String, Object> headers) {
        if (bypass.dropStale()) {
            // a revalidation was told the page must not be cached any more: stop serving the old copy
            cache.remove(lookup.key());
        }
        if (bypass.learnedRule() != null) {
            cache.putVaryRule(lookup.path(), bypass.learnedRule(), config.evictUnreadAfter());
        }
        passes.remember(lookup.key(), clock.instant());
        refusals.refused(lookup.key(), bypass.detail(), clock.instant());
        log("{0}: not stored, {1}", lookup.key(), bypass.detail());
        statistics.bypass(bypass.detail());
        headers.putSingle(
                CachedResponses.CACHE_STATUS,
                cacheStatus.forwarded(CacheStatus.Forward.BYPASS, false, bypass.detail()));
    }

    private static void log(String message, Object... args) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, message, args);
        }
    }
}
