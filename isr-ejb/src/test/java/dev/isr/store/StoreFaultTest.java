package dev.isr.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.core.ByteBudgets;
import dev.isr.core.CacheKey;
import dev.isr.core.CachePolicy;
import dev.isr.core.CachedResponse;
import dev.isr.core.Header;
import dev.isr.core.PurgeRequest;
import dev.isr.core.ResponseCache;
import dev.isr.core.VaryRule;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store whose disk fails under the real Infinispan file store (issue 15, part 3): full, then freed; turned read-only
 * by the kernel. Pages are still cached (in memory), a purge still wins, the store reports the fault in one log line
 * and recovers by itself when the disk is freed, storing again the purge records it kept in memory only.
 */
class StoreFaultTest {

    @TempDir
    Path dir;

    private final List<String> storeLog = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger("dev.isr.store");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            storeLog.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureTheStoreLog() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        logger.removeHandler(capture);
    }

    private int logged(String id) {
        return (int) storeLog.stream().filter(line -> line.startsWith(id)).count();
    }

    /**
     * The disk fills up (another process writes to it): the store stops taking entries before the disk is full, so
     * the soft-index store never sees a write cut short, and takes them again once it has room.
     */
    @Test
    void aFullDiskKeepsPagesCachedInMemoryAPurgeStillWinsAndFreeingItRecoversTheStore() throws Exception {
        try (FaultyDisk disk = FaultyDisk.tmpfs(dir, 16)) {
            ByteBudgets budgets = new ByteBudgets(
                    ByteBudgets.DEFAULT_MEMORY, ByteBudgets.DEFAULT_STORE, ByteBudgets.DEFAULT_CAPTURE, 4 << 20);
            IsrCacheContainer first = IsrCacheContainerTest.container(disk.path(), budgets);
            try {
                ResponseCache cache = first.responseCache();
                StoreWrites writes = first.storeWrites();
                assertTrue(cache.put(page("/before", "old"), VaryRule.DEFAULT));
                assertTrue(writes.probe());

                disk.fill(1 << 20);
                assertFalse(writes.probe(), "readiness: the store takes no entries");
                assertTrue(writes.fault().contains("isr.store.min-free-bytes"), writes.fault());
                for (int i = 0; i < 5; i++) {
                    assertTrue(cache.put(page("/full" + i, "new"), VaryRule.DEFAULT), "cached, in memory only");
                    assertTrue(cache.get(key("/full" + i)).isPresent());
                }
                assertEquals(1, cache.purge(tag("old"), Instant.now()), "a purge does not fail for a full disk");
                assertFalse(cache.get(key("/before")).isPresent(), "and wins at once");
                assertEquals(1, logged("ISR0024"), "one line for the fault: " + storeLog);

                disk.free();
                assertTrue(writes.probe(), "the store recovers once the disk is freed");
                assertEquals("", writes.fault());
                assertEquals(1, logged("ISR0025"), storeLog.toString());
                assertTrue(cache.put(page("/after", "new"), VaryRule.DEFAULT));
            } finally {
                first.stop();
            }
            IsrCacheContainer second = IsrCacheContainerTest.container(disk.path(), budgets);
            try {
                ResponseCache cache = second.responseCache();
                assertTrue(cache.get(key("/after")).isPresent(), "stored on disk after the recovery");
                assertFalse(cache.get(key("/full0")).isPresent(), "kept in memory only during the fault");
                assertFalse(cache.get(key("/before")).isPresent(), "purged during the fault");
            } finally {
                second.stop();
            }
        }
    }

    /**
     * With no free space kept ({@code isr.store.min-free-bytes=0}) the disk fills up under the store's writes: they
     * fail, the cache goes on in memory, a purge still wins, readiness comes back when the disk is freed, and after a
     * restart the purge still holds (its record was stored again on recovery) even though the soft-index store lost
     * what it wrote after the write the disk cut short.
     */
    @Test
    void aDiskThatFillsUpUnderTheStoresWritesLosesNoPurge() throws Exception {
        try (FaultyDisk disk = FaultyDisk.tmpfs(dir, 8)) {
            ByteBudgets budgets = new ByteBudgets(
                    ByteBudgets.DEFAULT_MEMORY, ByteBudgets.DEFAULT_STORE, ByteBudgets.DEFAULT_CAPTURE, 0);
            IsrCacheContainer first = IsrCacheContainerTest.container(disk.path(), budgets);
            try {
                ResponseCache cache = first.responseCache();
                StoreWrites writes = first.storeWrites();
                assertTrue(cache.put(page("/before", "old"), VaryRule.DEFAULT));
                disk.fill(0);
                for (int i = 0; i < 5; i++) {
                    assertTrue(cache.put(page("/full" + i, "new"), VaryRule.DEFAULT), "cached, in memory only");
                    assertTrue(cache.get(key("/full" + i)).isPresent());
                }
                assertTrue(writes.fault().contains("No space left on device"), writes.fault());
                assertEquals(1, cache.purge(tag("old"), Instant.now()));
                assertFalse(cache.get(key("/before")).isPresent());
                assertFalse(writes.probe());
                assertEquals(1, logged("ISR0024"), "one line for the fault: " + storeLog);

                disk.free();
                assertTrue(writes.probe());
                assertEquals(1, logged("ISR0025"), storeLog.toString());
            } finally {
                first.stop();
            }
            IsrCacheContainer second = IsrCacheContainerTest.container(disk.path(), budgets);
            try {
                assertFalse(second.responseCache().get(key("/before")).isPresent(), "the purge survived the restart");
            } finally {
                second.stop();
            }
        }
    }

    @Test
    void aDiskTheKernelTurnedReadOnlyKeepsPagesCachedAndAPurgeStillWins() throws Exception {
        try (FaultyDisk disk = FaultyDisk.ext4(dir, 32)) {
            IsrCacheContainer container = IsrCacheContainerTest.container(
                    disk.path(),
                    new ByteBudgets(
                            ByteBudgets.DEFAULT_MEMORY,
                            ByteBudgets.DEFAULT_STORE,
                            ByteBudgets.DEFAULT_CAPTURE,
                            1 << 20));
            try {
                ResponseCache cache = container.responseCache();
                StoreWrites writes = container.storeWrites();
                assertTrue(cache.put(page("/before", "old"), VaryRule.DEFAULT));

                disk.failReadOnly();
                for (int i = 0; i < 5; i++) {
                    assertTrue(cache.put(page("/ro" + i, "new"), VaryRule.DEFAULT));
                    assertTrue(cache.get(key("/ro" + i)).isPresent(), "cached, in memory only");
                }
                assertEquals(1, cache.purge(tag("old"), Instant.now()));
                assertFalse(cache.get(key("/before")).isPresent());
                assertFalse(writes.probe());
                assertFalse(writes.probe(), "still DOWN: the probe cannot close a fault the store still has");
                assertTrue(writes.fault().contains("Read-only file system"), writes.fault());
                assertEquals(1, logged("ISR0024"), "one line for the fault: " + storeLog.toString());
                assertEquals(0, logged("ISR0025"));
            } finally {
                container.stop();
            }
        }
    }

    private static CacheKey key(String path) {
        return new CacheKey(path, "");
    }

    private static PurgeRequest tag(String tag) {
        return PurgeRequest.ofTags(List.of(tag));
    }

    /** A durable page of 100 KB tagged {@code tag}. */
    private static CachedResponse page(String path, String tag) {
        CachePolicy policy = new CachePolicy(Duration.ofHours(1), Duration.ofDays(1), Duration.ZERO, false, true, true);
        return new CachedResponse(
                key(path),
                200,
                List.of(new Header("Content-Type", "text/html")),
                new byte[100_000],
                Instant.now(),
                policy,
                List.of(),
                List.of(tag));
    }
}
