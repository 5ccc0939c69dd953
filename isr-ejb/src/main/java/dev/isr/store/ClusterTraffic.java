package dev.isr.store;

import dev.isr.core.TrafficSample;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;

/**
 * The members' traffic counters, shared for the console ({@link dev.isr.core.TrafficHistory}): each node publishes
 * its latest {@link TrafficSample} in a small replicated cache ({@code isr-traffic}, node name to encoded sample,
 * with a lifespan so that a departed node drops out) and reads the others' from its own copy. Fails open: a write
 * or read that fails leaves the console with this node's own figures only.
 */
public final class ClusterTraffic {

    private static final Logger LOG = System.getLogger(ClusterTraffic.class.getName());

    private final Cache<String, String> samples;
    private final Duration lifespan;

    ClusterTraffic(Cache<String, String> samples, Duration publishInterval) {
        this.samples = samples;
        this.lifespan = publishInterval.multipliedBy(3);
    }

    /** Publishes {@code sample} as its node's latest. Never throws. */
    public void publish(TrafficSample sample) {
        try {
            samples.putAsync(sample.node(), sample.encode(), lifespan.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "publishing this node's traffic failed", e);
        }
    }

    /** The latest sample of every member that published one within the lifespan; malformed values are skipped. */
    public List<TrafficSample> latest() {
        List<TrafficSample> latest = new ArrayList<>();
        try {
            for (Map.Entry<String, String> entry : Map.copyOf(samples).entrySet()) {
                TrafficSample sample = TrafficSample.decode(entry.getKey(), entry.getValue());
                if (sample != null) {
                    latest.add(sample);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "reading the members' traffic failed", e);
        }
        return latest;
    }
}
