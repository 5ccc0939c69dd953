package dev.isr.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where the cache container reports its state for the health checks. Thread-safe: the state is read through a
 * supplier the container attaches once it has started (or failed to).
 */
@ApplicationScoped
public class IsrHealth {

    /**
     * The state the checks report.
     *
     * @param running the cache runs
     * @param storeWritable the persistent store's directory took a synced write just now
     * @param storeFault empty, or why the store takes no writes (durable entries are then kept in memory only)
     * @param members the cluster members this node sees
     * @param minMembers {@code isr.cluster.min-members}
     * @param mode {@code isr.cluster.mode}
     * @param entries the entries this node indexes
     * @param clockOffsetMillis this node's clock minus the cluster's
     * @param maxClockSkewMillis {@code isr.cluster.max-clock-skew}
     * @param degradedBy empty, or what made the node degraded: {@code stale-if-error} or {@code failed-revalidations}
     * @param staleIfErrorPercent the share of stale-if-error answers over the degraded window
     * @param failedRevalidationPercent the share of failed revalidations over the degraded window
     * @param purgesUnconfirmed this node came back alone after its last view had peers, and no member has confirmed
     *     its purge records yet: its stored entries are served only after a render
     */
    public record State(
            boolean running,
            boolean storeWritable,
            String storeFault,
            int members,
            int minMembers,
            String mode,
            int entries,
            long clockOffsetMillis,
            long maxClockSkewMillis,
            String degradedBy,
            long staleIfErrorPercent,
            long failedRevalidationPercent,
            boolean purgesUnconfirmed) {

        /** Whether this node's clock is further from the cluster's than allowed. */
        public boolean clockSkewed() {
            return Math.abs(clockOffsetMillis) > maxClockSkewMillis;
        }
    }

    private static final State NOT_STARTED =
            new State(false, false, "", 0, 1, "unknown", 0, 0, Long.MAX_VALUE, "", 0, 0, false);

    private volatile Supplier<State> source = () -> NOT_STARTED;

    /** Called by the cache container when it starts; a later call replaces the earlier source. */
    public void attach(Supplier<State> state) {
        this.source = Objects.requireNonNull(state, "state");
    }

    /** Called by the cache container when it stops. */
    public void detach() {
        this.source = () -> NOT_STARTED;
    }

    State state() {
        return source.get();
    }
}
