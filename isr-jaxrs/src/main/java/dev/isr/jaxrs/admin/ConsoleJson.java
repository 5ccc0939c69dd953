package dev.isr.jaxrs.admin;

import dev.isr.core.EntryIndex;
import dev.isr.core.Explanation;
import dev.isr.core.RecentEvents;
import dev.isr.core.TrafficHistory;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The console's own answers as JSON (docs/admin-api.md, "Console"). */
final class ConsoleJson {

    private ConsoleJson() {}

    /** {@code {"intervalSeconds":10,"at":[...],"series":[{"node":"cluster","hits":[...],...},...]}}. */
    static JsonObjectBuilder history(TrafficHistory.View view) {
        JsonArrayBuilder at = Json.createArrayBuilder();
        view.at().forEach(at::add);
        JsonArrayBuilder series = Json.createArrayBuilder();
        for (TrafficHistory.Series one : view.series()) {
            series.add(Json.createObjectBuilder()
                    .add("node", one.node())
                    .add("hits", numbers(one.hits()))
                    .add("staleHits", numbers(one.staleHits()))
                    .add("misses", numbers(one.misses()))
                    .add("renders", numbers(one.renders()))
                    .add("revalidationsFailed", numbers(one.revalidationsFailed())));
        }
        return Json.createObjectBuilder()
                .add("intervalSeconds", view.intervalSeconds())
                .add("at", at)
                .add("series", series);
    }

    /** {@code {"events":[{"at":...,"kind":"purge",...},...]}}, newest first. */
    static JsonObjectBuilder events(List<RecentEvents.Event> events) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (RecentEvents.Event event : events) {
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("at", event.at().toEpochMilli())
                    .add("summary", event.summary());
            if (event instanceof RecentEvents.Purge purge) {
                json.add("kind", "purge")
                        .add("soft", purge.soft())
                        .add("route", purge.route())
                        .add("purged", purge.purged())
                        .add("nodes", purge.nodes());
            } else if (event instanceof RecentEvents.RevalidationFailed failed) {
                json.add("kind", "revalidation-failed").add("detail", failed.detail());
            }
            list.add(json);
        }
        return Json.createObjectBuilder().add("events", list);
    }

    /** What {@code GET /isr/console/explain} answers for {@code url}. */
    static JsonObjectBuilder explanation(String url, Explanation explanation, EntryIndex.Indexed indexed, Instant now) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("url", url)
                .add("decision", explanation.decision())
                .add("cacheStatus", explanation.cacheStatus())
                .add("explanation", explanation.explanation());
        if (explanation.key() == null) {
            json.addNull("key");
        } else {
            json.add("key", explanation.key());
        }
        if (explanation.entry() == null) {
            json.addNull("entry");
        } else {
            json.add("entry", EntryJson.describe(explanation.entry(), indexed, now));
        }
        if (explanation.lastRefusal() == null) {
            json.addNull("lastNotStored");
        } else {
            json.add(
                    "lastNotStored",
                    Json.createObjectBuilder()
                            .add("detail", explanation.lastRefusal().detail())
                            .add(
                                    "secondsAgo",
                                    Duration.between(explanation.lastRefusal().at(), now)
                                            .toSeconds()));
        }
        return json;
    }

    private static JsonArrayBuilder numbers(long[] values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (long value : values) {
            array.add(value);
        }
        return array;
    }
}
