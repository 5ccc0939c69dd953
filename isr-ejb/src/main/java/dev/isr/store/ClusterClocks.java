package dev.isr.store;

import dev.isr.core.ClockSkew;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryExpired;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryRemoved;
import org.infinispan.notifications.cachelistener.event.CacheEntryEvent;

/**
 * The members' clocks, compared ({@link ClockSkew}): each node publishes its wall clock in a small replicated cache
 * ({@code isr-clocks}, node name to milliseconds, with a lifespan so that a departed node drops out), and measures
 * each peer's offset when the peer's value arrives. Readiness reports this node's offset from the cluster's clock and
 * goes DOWN beyond {@code isr.cluster.max-clock-skew}: purges do not depend on clocks (the purge epoch orders them),
 * but {@code Age}, freshness and the sweep do.
 */
@Listener(sync = false)
public class ClusterClocks {

    private static final Logger LOG = System.getLogger(ClusterClocks.class.getName());

    private final Cache<String, Long> clocks;
    private final String nodeName;
    private final Clock clock;
    private final Duration lifespan;
    private final long boundMillis;
    private final Map<String, Long> peerOffsets = new ConcurrentHashMap<>();
    private volatile boolean reportedSkew;

    ClusterClocks(Cache<String, Long> clocks, String nodeName, Clock clock, Duration publishInterval, Duration bound) {
        this.clocks = clocks;
        this.nodeName = nodeName;
        this.clock = clock;
        this.lifespan = publishInterval.multipliedBy(3);
        this.boundMillis = bound.toMillis();
    }

    void start() {
        clocks.addListener(this);
        publish();
    }

    /** Says this node's clock to the others; called at start and by every sweep. Never throws. */
    public void publish() {
        try {
            clocks.putAsync(nodeName, clock.millis(), lifespan.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "publishing this node's clock failed", e);
        }
    }

    /** This node's clock minus the cluster's, in milliseconds (0 alone). */
    public long offsetMillis() {
        return ClockSkew.offsetFromCluster(peerOffsets.values());
    }

    /** Whether {@link #offsetMillis()} is beyond the bound. */
    public boolean skewed() {
        return ClockSkew.exceeds(offsetMillis(), boundMillis);
    }

    @CacheEntryCreated
    @CacheEntryModified
    public void heard(CacheEntryEvent<String, Long> event) {
        if (event.isPre() || nodeName.equals(event.getKey()) || event.getValue() == null) {
            return;
        }
        peerOffsets.put(event.getKey(), event.getValue() - clock.millis());
        boolean skewed = skewed();
        if (skewed != reportedSkew) {
            reportedSkew = skewed;
            if (skewed) {
                StoreLog.clockSkewed(offsetMillis(), boundMillis);
            } else {
                StoreLog.clockBackWithinBound(offsetMillis(), boundMillis);
            }
        }
    }

    @CacheEntryRemoved
    @CacheEntryExpired
    public void left(CacheEntryEvent<String, Long> event) {
        if (!event.isPre()) {
            peerOffsets.remove(event.getKey());
        }
    }
}
