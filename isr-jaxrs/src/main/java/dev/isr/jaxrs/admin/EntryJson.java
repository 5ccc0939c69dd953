package dev.isr.jaxrs.admin;

import dev.isr.core.CachedResponse;
import dev.isr.core.EntryIndex;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** An entry as the admin API and the console list it (docs/admin-api.md, {@code GET /isr/entries}). */
final class EntryJson {

    private EntryJson() {}

    /**
     * {@code entry} at {@code now}, with what this node's index knows of its reads ({@code indexed}, null if the
     * index does not have it: then it counts no reads and its last read is when it was stored).
     */
    static JsonObject describe(CachedResponse entry, EntryIndex.Indexed indexed, Instant now) {
        JsonArrayBuilder tags = Json.createArrayBuilder();
        entry.tags().forEach(tags::add);
        long lastReadMillis = indexed == null ? entry.storedAt().toEpochMilli() : indexed.lastReadMillis();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("key", entry.key().value())
                .add("path", entry.key().path())
                .add("query", entry.key().query())
                .add("variant", entry.key().variant())
                .add("tags", tags)
                .add("status", entry.status())
                .add("age", entry.ageSeconds(now))
                .add("ttl", entry.ttlSeconds(now))
                .add("bytes", entry.body().length)
                .add("durable", entry.policy().durable())
                .add("reads", indexed == null ? 0 : indexed.reads())
                .add("lastRead", Math.max(0, (now.toEpochMilli() - lastReadMillis) / 1000));
        return json.build();
    }
}
