package dev.isr.core;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The node's recent purges and failed revalidations, newest first, for the console: a bounded log ({@value
 * #CAPACITY} events, each summary at most {@value #MAX_SUMMARY} characters), so that no rate of purges or failures
 * grows it. Kept in memory by each node for what it did itself. Thread-safe.
 */
public final class RecentEvents {

    public static final int CAPACITY = 200;
    public static final int MAX_SUMMARY = 300;

    /** Something the console lists. */
    public sealed interface Event {
        Instant at();

        String summary();
    }

    /** A purge this node ran: what it selected, by which route, how many entries, on how many members. */
    public record Purge(Instant at, String summary, boolean soft, String route, int purged, int nodes)
            implements Event {}

    /** A background revalidation that failed; the stale entry stays, and the key backs off. */
    public record RevalidationFailed(Instant at, String summary, String detail) implements Event {}

    private final Deque<Event> events = new ArrayDeque<>();

    /** Records a purge of {@code request}. */
    public void purged(Instant at, PurgeRequest request, String route, int purged, int nodes) {
        String selected = request.describe();
        if (request.soft() && selected.startsWith("soft ")) {
            selected = selected.substring("soft ".length());
        }
        add(new Purge(at, bounded(selected), request.soft(), bounded(route), purged, nodes));
    }

    /** Records the failed revalidation of {@code key}. */
    public void revalidationFailed(Instant at, String key, String detail) {
        add(new RevalidationFailed(at, bounded(key), bounded(detail)));
    }

    /** The newest {@code limit} events, newest first. */
    public synchronized List<Event> latest(int limit) {
        List<Event> latest = new ArrayList<>(Math.min(limit, events.size()));
        Iterator<Event> newestFirst = events.descendingIterator();
        while (newestFirst.hasNext() && latest.size() < limit) {
            latest.add(newestFirst.next());
        }
        return latest;
    }

    private synchronized void add(Event event) {
        events.addLast(event);
        if (events.size() > CAPACITY) {
            events.removeFirst();
        }
    }

    private static String bounded(String text) {
        return text.length() <= MAX_SUMMARY ? text : text.substring(0, MAX_SUMMARY - 1) + "…";
    }
}
