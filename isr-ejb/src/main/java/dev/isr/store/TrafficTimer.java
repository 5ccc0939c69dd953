package dev.isr.store;

import dev.isr.core.CacheStatistics;
import dev.isr.core.ClusterView;
import dev.isr.core.TrafficHistory;
import dev.isr.core.TrafficSample;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every {@link TrafficHistory#INTERVAL}, on every node: publishes this node's traffic counters to the cluster and
 * records a tick of the console's history with every member's latest ({@link ClusterTraffic}). A non-persistent
 * interval timer; a tick that fails is logged at {@code DEBUG} and the next one tries again: the history is for
 * looking at, nothing depends on it.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TrafficTimer {

    private static final Logger LOG = System.getLogger(TrafficTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    IsrCacheContainer container;

    @Inject
    CacheStatistics statistics;

    @Inject
    TrafficHistory history;

    @Inject
    Clock clock;

    @PostConstruct
    void schedule() {
        long interval = TrafficHistory.INTERVAL.toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("isr-traffic", false));
        tick(null); // the base of the first interval
    }

    @Timeout
    void tick(Timer timer) {
        try {
            long now = clock.millis();
            ClusterView cluster = container.clusterView();
            String node = cluster == null ? "local" : cluster.nodeName();
            TrafficSample own = TrafficSample.of(node, now, statistics);
            Optional<ClusterTraffic> traffic = container.traffic();
            traffic.ifPresent(shared -> shared.publish(own));
            List<TrafficSample> latest = new ArrayList<>(List.of(own));
            traffic.ifPresent(shared -> shared.latest().stream()
                    .filter(peer -> !peer.node().equals(node))
                    .forEach(latest::add));
            history.record(now, latest);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "recording the traffic history failed", e);
        }
    }
}
