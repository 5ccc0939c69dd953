package dev.isr.store;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;

/**
 * The last reads of entries as the nodes report them (the {@code isr-reads} cache), so that an entry read on any node
 * is kept by the sweep of the node that owns it. Only what the sweep needs of that cache: a node publishes its recent
 * reads, and asks when a key was last read anywhere.
 */
final class ReadLedger {

    private final Cache<String, Long> reads;

    ReadLedger(Cache<String, Long> reads) {
        this.reads = reads;
    }

    /** Publishes these last reads (key to epoch millis), each kept for {@code keep}. */
    void publish(Map<String, Long> lastReads, Duration keep) {
        if (!lastReads.isEmpty()) {
            reads.putAll(lastReads, keep.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** When a node last reported a read of {@code key}, in epoch millis; 0 if none did. */
    long lastReadMillis(String key) {
        Long millis = reads.get(key);
        return millis == null ? 0 : millis;
    }
}
