package dev.isr.jaxrs;

import dev.isr.core.CacheStatistics;
import dev.isr.core.CacheStatus;
import dev.isr.core.CachedResponse;
import dev.isr.core.CaptureDecision;
import dev.isr.core.CaptureRules;
import dev.isr.core.Header;
import dev.isr.core.HeaderLookup;
import dev.isr.core.Lookup;
import dev.isr.core.ResponseAge;
import dev.isr.core.ResponseCache;
import dev.isr.core.ResponseStorability;
import dev.isr.core.Validators;
import dev.isr.core.VisitorSignals;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The application answered {@code 304 Not Modified} to the validators of a stale entry ({@link Validators}): the
 * entry's fields are updated from the 304, its freshness starts again, and it is stored again with its body (RFC 9111
 * sections 3.2 and 4.3.4); the client, which asked without preconditions, gets the refreshed entry. If the updated
 * fields say the response may not be stored any more, the entry is removed and the client still gets it, once.
 */
@Dependent
class NotModifiedRefresh {

    private static final System.Logger LOG = System.getLogger(NotModifiedRefresh.class.getName());

    private final ResponseCache cache;
    private final CaptureRules rules;
    private final CacheStatus cacheStatus;
    private final CacheStatistics statistics;
    private final Clock clock;

    @Inject
    NotModifiedRefresh(
            ResponseCache cache, CaptureRules rules, CacheStatus cacheStatus, CacheStatistics statistics, Clock clock) {
        this.cache = cache;
        this.rules = rules;
        this.cacheStatus = cacheStatus;
        this.statistics = statistics;
        this.clock = clock;
    }

    /**
     * @param notModified the fields of the 304, as the application set them ({@code Isr-*} included)
     * @param request the request fields
     * @param visitor what the container saw of sessions and callers during the render
     * @param uncacheable the declared reason not to store, or null
     */
    void refresh(
            Lookup.Forward lookup,
            ContainerResponseContext response,
            HeaderLookup notModified,
            HeaderLookup request,
            VisitorSignals visitor,
            String uncacheable) {
        CachedResponse entry = lookup.validating();
        Instant now = clock.instant();
        List<Header> fields = Validators.updated(entry.headers(), StoredFields.replayed(response.getHeaders()));
        // the directives this module consumes (Isr-Cache-Control, a declaration) are not stored: the 304's count
        HeaderLookup decided = name -> ResponseStorability.isInternalField(name)
                ? notModified.values(name)
                : fields.stream()
                        .filter(f -> f.name().equalsIgnoreCase(name))
                        .map(Header::value)
                        .toList();
        CaptureDecision decision =
                rules.decide(lookup, false, "GET", entry.status(), request, decided, visitor, uncacheable);
        if (decision instanceof CaptureDecision.Store store) {
            storeRefreshed(lookup, response, fields, decided, store, now);
        } else {
            removeUnstorable(
                    lookup,
                    response,
                    fields,
                    decision instanceof CaptureDecision.Bypass bypass ? bypass.detail() : "not-stored",
                    now);
        }
    }

    /** The entry with the 304's fields and a new freshness, stored and answered. */
    private void storeRefreshed(
            Lookup.Forward lookup,
            ContainerResponseContext response,
            List<Header> fields,
            HeaderLookup decided,
            CaptureDecision.Store store,
            Instant now) {
        CachedResponse entry = lookup.validating();
        CachedResponse refreshed = new CachedResponse(
                store.key(),
                entry.status(),
                fields,
                entry.body(),
                now.minus(ResponseAge.correctedInitialAge(decided, now)),
                store.policy(),
                store.replayFields(),
                store.tags(),
                lookup.renderEpoch());
        boolean stored = cache.put(refreshed, store.rule());
        EntryAnswers.replace(
                response,
                refreshed,
                stored
                        ? cacheStatus.refreshed(lookup.reason())
                        : cacheStatus.forwarded(lookup.reason(), false, "not-stored"),
                now);
        if (stored) {
            statistics.stored();
        }
        log("{0}: 304, refreshed", entry.key());
    }

    /** The updated fields say the response may not be stored any more: the entry is removed, answered once. */
    private void removeUnstorable(
            Lookup.Forward lookup, ContainerResponseContext response, List<Header> fields, String detail, Instant now) {
        CachedResponse entry = lookup.validating();
        cache.remove(entry.key());
        CachedResponse refreshed = new CachedResponse(
                entry.key(),
                entry.status(),
                fields,
                entry.body(),
                now,
                entry.policy(),
                entry.replayFields(),
                entry.tags(),
                lookup.renderEpoch());
        EntryAnswers.replace(response, refreshed, cacheStatus.forwarded(lookup.reason(), false, detail), now);
        log("{0}: 304, but not storable any more ({1}): removed", entry.key(), detail);
    }

    private static void log(String message, Object... args) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, message, args);
        }
    }
}
