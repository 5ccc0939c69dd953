package dev.isr.store;

import dev.isr.core.CacheKey;
import dev.isr.core.CachePolicy;
import dev.isr.core.CachedResponse;
import dev.isr.core.Header;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.infinispan.protostream.annotations.ProtoAdapter;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;

/**
 * ProtoStream mapping of {@link CachedResponse}: the format of entries in memory of other nodes and on disk.
 *
 * <p>Schema evolution: field numbers are never reused or renumbered. A field added later must have a default that
 * means "as before", so that entries written by an older version still read; removed fields are reserved.
 */
@ProtoAdapter(CachedResponse.class)
public class CachedResponseAdapter {

    @ProtoFactory
    CachedResponse create(
            String path,
            String query,
            String variant,
            int status,
            List<Header> headers,
            byte[] body,
            long storedAtMillis,
            long freshForMillis,
            long staleWhileRevalidateMillis,
            long staleIfErrorMillis,
            boolean neverServeStale,
            boolean sharedWithAuthorization,
            boolean durable,
            List<Header> replayFields,
            List<String> tags,
            long renderEpoch,
            String origin) {
        CachePolicy policy = new CachePolicy(
                Duration.ofMillis(freshForMillis),
                Duration.ofMillis(staleWhileRevalidateMillis),
                Duration.ofMillis(staleIfErrorMillis),
                neverServeStale,
                sharedWithAuthorization,
                durable);
        return new CachedResponse(
                new CacheKey(orEmpty(origin), path, orEmpty(query), orEmpty(variant)),
                status,
                headers == null ? List.of() : headers,
                body == null ? new byte[0] : body,
                Instant.ofEpochMilli(storedAtMillis),
                policy,
                replayFields == null ? List.of() : replayFields,
                tags == null ? List.of() : tags,
                renderEpoch);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    @ProtoField(1)
    String getPath(CachedResponse response) {
        return response.key().path();
    }

    @ProtoField(2)
    String getQuery(CachedResponse response) {
        return response.key().query();
    }

    @ProtoField(3)
    String getVariant(CachedResponse response) {
        return response.key().variant();
    }

    @ProtoField(number = 4, defaultValue = "200")
    int getStatus(CachedResponse response) {
        return response.status();
    }

    @ProtoField(number = 5, collectionImplementation = ArrayList.class)
    List<Header> getHeaders(CachedResponse response) {
        return response.headers();
    }

    @ProtoField(6)
    byte[] getBody(CachedResponse response) {
        return response.body();
    }

    @ProtoField(number = 7, defaultValue = "0")
    long getStoredAtMillis(CachedResponse response) {
        return response.storedAt().toEpochMilli();
    }

    @ProtoField(number = 8, defaultValue = "0")
    long getFreshForMillis(CachedResponse response) {
        return response.policy().freshFor().toMillis();
    }

    @ProtoField(number = 9, defaultValue = "0")
    long getStaleWhileRevalidateMillis(CachedResponse response) {
        return response.policy().staleWhileRevalidate().toMillis();
    }

    @ProtoField(number = 10, defaultValue = "0")
    long getStaleIfErrorMillis(CachedResponse response) {
        return response.policy().staleIfError().toMillis();
    }

    @ProtoField(number = 11, defaultValue = "false")
    boolean getNeverServeStale(CachedResponse response) {
        return response.policy().neverServeStale();
    }

    @ProtoField(number = 12, defaultValue = "false")
    boolean getSharedWithAuthorization(CachedResponse response) {
        return response.policy().sharedWithAuthorization();
    }

    @ProtoField(number = 13, defaultValue = "false")
    boolean getDurable(CachedResponse response) {
        return response.policy().durable();
    }

    @ProtoField(number = 14, collectionImplementation = ArrayList.class)
    List<Header> getReplayFields(CachedResponse response) {
        return response.replayFields();
    }

    @ProtoField(number = 15, collectionImplementation = ArrayList.class)
    List<String> getTags(CachedResponse response) {
        return response.tags();
    }

    /** 0, "unknown", for entries stored before the purge epoch existed: purges compare their store time. */
    @ProtoField(number = 16, defaultValue = "0")
    long getRenderEpoch(CachedResponse response) {
        return response.renderEpoch();
    }

    /** Entries written before origins were keyed read back with none: no request selects them any more. */
    @ProtoField(17)
    String getOrigin(CachedResponse response) {
        return response.key().origin();
    }
}
