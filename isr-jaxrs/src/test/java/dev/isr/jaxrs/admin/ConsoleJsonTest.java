package dev.isr.jaxrs.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isr.core.PurgeRequest;
import dev.isr.core.RecentEvents;
import dev.isr.core.TrafficHistory;
import dev.isr.core.TrafficSample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's own answers, as docs/admin-api.md shows them. */
class ConsoleJsonTest {

    private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void historyIsTheClusterFirstThenEachNode() {
        TrafficHistory history = new TrafficHistory(Duration.ofSeconds(10), 360);
        history.record(0, List.of(new TrafficSample("node-a", 0, 1, 0, 1, 1, 0)));
        history.record(10_000, List.of(new TrafficSample("node-a", 10_000, 4, 1, 2, 2, 1)));

        assertEquals(
                "{\"intervalSeconds\":10,\"at\":[10000],\"series\":["
                        + "{\"node\":\"cluster\",\"hits\":[3],\"staleHits\":[1],\"misses\":[1],\"renders\":[1],"
                        + "\"revalidationsFailed\":[1]},"
                        + "{\"node\":\"node-a\",\"hits\":[3],\"staleHits\":[1],\"misses\":[1],\"renders\":[1],"
                        + "\"revalidationsFailed\":[1]}]}",
                ConsoleJson.history(history.view()).build().toString());
    }

    @Test
    void eventsSayWhatEachKindIs() {
        RecentEvents events = new RecentEvents();
        events.revalidationFailed(T0, "http://127.0.0.1:8080/books/2", "status 500");
        events.purged(T0.plusSeconds(1), PurgeRequest.ofTags(List.of("book-1")), "admin API", 3, 2);

        assertEquals(
                "{\"events\":[{\"at\":" + T0.plusSeconds(1).toEpochMilli()
                        + ",\"summary\":\"tags=[book-1]\",\"kind\":\"purge\",\"soft\":false,\"route\":\"admin API\","
                        + "\"purged\":3,\"nodes\":2},{\"at\":" + T0.toEpochMilli()
                        + ",\"summary\":\"http://127.0.0.1:8080/books/2\",\"kind\":\"revalidation-failed\","
                        + "\"detail\":\"status 500\"}]}",
                ConsoleJson.events(events.latest(10)).build().toString());
    }
}
