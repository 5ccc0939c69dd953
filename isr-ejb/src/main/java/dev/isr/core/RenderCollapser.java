package dev.isr.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Collapses concurrent renders of one key on this node: the first request becomes the leader and renders, the others
 * wait for it and then read what it stored.
 *
 * <p>Thread-safe. The leader must {@link Render#close()} its ticket whatever happens (try-with-resources), or the
 * followers wait out their timeout and then render themselves: a lost ticket costs latency, never correctness.
 */
public final class RenderCollapser {

    private final ConcurrentHashMap<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    /** A request's part in the render of a key. */
    public sealed interface Render extends AutoCloseable {
        @Override
        void close();
    }

    /** This request renders; closing the ticket releases the followers. */
    public final class Leader implements Render {
        private final String key;
        private final CompletableFuture<Void> done;

        private Leader(String key, CompletableFuture<Void> done) {
            this.key = key;
            this.done = done;
        }

        @Override
        public void close() {
            inFlight.remove(key, done);
            done.complete(null);
        }
    }

    /** Another request is rendering; {@link #await} waits for it, {@link #finished} tells when it is done. */
    public static final class Follower implements Render {
        private final CompletableFuture<Void> done;

        private Follower(CompletableFuture<Void> done) {
            this.done = done;
        }

        /**
         * Waits for the leader, at most {@code timeout}.
         *
         * @return true if the leader finished in time, false on timeout
         */
        public boolean await(Duration timeout) throws InterruptedException {
            try {
                done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                return true; // never completed exceptionally; treated as finished
            }
        }

        /** Completes when the leader closes its ticket; a copy, which completing does not release anyone. */
        public CompletableFuture<Void> finished() {
            return done.copy();
        }

        @Override
        public void close() {
            // followers hold nothing
        }
    }

    /** Joins the render of {@code key}: the first caller leads, the others follow until the leader closes. */
    public Render join(String key) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> existing = inFlight.putIfAbsent(key, mine);
        return existing == null ? new Leader(key, mine) : new Follower(existing);
    }

    /** Renders in progress on this node, for statistics and tests. */
    public int inFlight() {
        return inFlight.size();
    }
}
