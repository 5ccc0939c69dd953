package dev.isr.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where writes go while the store has no room or fails, and when it tries the disk again; no Infinispan. */
class StoreWritesTest {

    private static final long MIN_FREE = 1 << 20;

    @TempDir
    Path dir;

    private final AtomicLong free = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger toDisk = new AtomicInteger();

    private StoreWrites writes() {
        return new StoreWrites(dir, MIN_FREE, free::get, now::get, Duration.ofSeconds(10));
    }

    private String write(StoreWrites writes, RuntimeException failure) {
        return writes.write(
                "k",
                () -> {
                    toDisk.incrementAndGet();
                    if (failure != null) {
                        throw failure;
                    }
                    return "disk";
                },
                () -> "memory");
    }

    private static RuntimeException storeFailure(String message) {
        return new IllegalStateException("ISPN000136", new UncheckedIOException(new IOException(message)));
    }

    @Test
    void lowSpaceKeepsEntriesInMemoryButPurgeRecordsStillGoToDisk() {
        StoreWrites writes = writes();
        free.set(MIN_FREE - 1);
        assertEquals("memory", writes.writeIfRoom("entry", () -> "disk", () -> "memory"));
        assertTrue(writes.fault().contains("isr.store.min-free-bytes"), writes.fault());
        assertEquals("disk", write(writes, null), "a purge record is a few bytes: still on disk");
        assertTrue(!writes.fault().isEmpty(), "still low on space");

        free.set(MIN_FREE);
        now.addAndGet(Duration.ofSeconds(1).toNanos()); // the free space is measured again after a second
        assertEquals("disk", writes.writeIfRoom("entry", () -> "disk", () -> "memory"));
        assertEquals("", writes.fault(), "room again: closed by the write");
    }

    @Test
    void failedWritesGoToMemoryAndTryTheDiskOncePerRetry() {
        StoreWrites writes = writes();
        assertEquals("memory", write(writes, storeFailure("No space left on device")));
        assertEquals("No space left on device", writes.fault());
        assertEquals("memory", write(writes, null));
        assertEquals("memory", write(writes, null));
        assertEquals(1, toDisk.get(), "the disk is not tried again before the retry is due");

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertEquals("disk", write(writes, null));
        assertEquals(2, toDisk.get());
        assertEquals("", writes.fault(), "a write that reached the disk closes the fault");
    }

    @Test
    void aFailureOfAMembersStoreFallsBackWithoutAFaultHere() {
        StoreWrites writes = writes();
        RuntimeException remote = new IllegalStateException(
                new org.infinispan.remoting.RemoteException("ISPN000217", new IOException("No space left on device")));
        assertEquals("memory", write(writes, remote));
        assertEquals("", writes.fault(), "that member's readiness says why, not this one's");
    }

    @Test
    void failuresThatAreNotTheStoresAreThrown() {
        StoreWrites writes = writes();
        IllegalArgumentException notTheStore = new IllegalArgumentException("a bug");
        assertSame(notTheStore, assertThrows(IllegalArgumentException.class, () -> write(writes, notTheStore)));
        assertEquals("", writes.fault());
    }

    @Test
    void theProbeRecoversOnlyWhenStoringAgainReachesTheDisk() {
        StoreWrites writes = writes();
        AtomicInteger recoveries = new AtomicInteger();
        RuntimeException[] recoveryFailure = {storeFailure("Read-only file system")};
        writes.onRecovery(() -> {
            recoveries.incrementAndGet();
            if (recoveryFailure[0] != null) {
                throw recoveryFailure[0];
            }
        });
        write(writes, storeFailure("Read-only file system"));
        assertTrue(!writes.probe(), "the directory takes a write, but the store's own files do not");
        assertEquals(1, recoveries.get());
        assertTrue(!writes.probe());
        assertEquals(1, recoveries.get(), "tried again once per retry, not at every probe");

        recoveryFailure[0] = null;
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(writes.probe());
        assertEquals(2, recoveries.get());
        assertEquals("", writes.fault());
    }

    @Test
    void withoutAStoreTheProbeFails() {
        assertTrue(!new StoreWrites(null, MIN_FREE).probe());
    }
}
