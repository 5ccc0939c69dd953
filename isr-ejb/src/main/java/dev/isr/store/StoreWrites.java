package dev.isr.store;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Whether this node's persistent store takes writes, and where writes go while it does not: a full or read-only disk
 * must make the cache slower, never make it fail, and above all never make a purge fail.
 *
 * <p>Two faults. <b>Low space</b>: the store's file system has less than {@code isr.store.min-free-bytes} free.
 * Entries and vary rules then go to memory only ({@link #writeIfRoom}) before the disk is full, because Infinispan's
 * soft-index file store does not survive a write the disk cuts short: it keeps appending after the partial record
 * while indexing each later record where it meant to write it, so the rest of that log file reads back as garbage
 * after a restart (seen with Infinispan 16.0.5, {@code LogAppender}). Purge records, a few bytes each, still go to
 * disk. <b>Failed writes</b>: a write failed because of the store (the disk filled up under it anyway, or turned
 * read-only). Every write then goes to memory only (Infinispan's {@code SKIP_CACHE_STORE}), on every member, but one
 * write every {@link #RETRY} tries the disk again, so that Infinispan logs its own error at most that often.
 *
 * <p>The first fault logs one line (ISR0024) and makes readiness DOWN ({@link #probe}). It closes, with one line
 * (ISR0025), once there is room again and a write to the store succeeds: a write asked for, or {@code onRecovery},
 * which {@link #probe} runs (at most once per {@link #RETRY}) and which stores again what was kept in memory only and
 * must be on disk (the purge records). A disk the kernel turned read-only after an error keeps failing even once it is
 * mounted again, as the store's files stay open on the old mount, until a restart: readiness then stays DOWN.
 *
 * <p>A failure that comes from another member's store (a {@code RemoteException} in the chain; in replicated mode
 * every member stores every write) gets the same fallback but opens no fault here: that member's readiness says why.
 *
 * <p>What memory-only writes leave behind: durable entries stored during a fault are gone after a restart (they are
 * rendered again); an entry removed during a fault of failed writes may come back from the disk after a restart, where
 * the purge records, stored again on recovery, hide it.
 */
final class StoreWrites {

    /** How often a write tries the disk again while writes fail, and the probe tries to recover. */
    static final Duration RETRY = Duration.ofSeconds(10);

    /** What the readiness probe writes and syncs: more than a block, so that a full disk cannot take it. */
    private static final int PROBE_BYTES = 8 << 10;

    /** How long a measure of the free space is trusted: one system call a second at most, on the write path. */
    private static final long FREE_SPACE_TTL_NANOS = 1_000_000_000L;

    private static final Logger LOG = System.getLogger(StoreWrites.class.getName());

    /** Measures the usable bytes of the file system that holds the store. */
    interface FreeSpace {
        long usableBytes() throws IOException;
    }

    /**
     * An open fault: why, whether writes failed (or only space is low), and from when on (in {@link #nanos} time) the
     * disk may be tried again.
     */
    private record Fault(String reason, boolean writesFailed, long retryAtNanos) {}

    private final Path location;
    private final long minFreeBytes;
    private final FreeSpace freeSpace;
    private final LongSupplier nanos;
    private final long retryNanos;
    private final AtomicReference<Fault> fault = new AtomicReference<>();
    /** The last measure of the free space and when it was taken. */
    private volatile long freeBytes = Long.MAX_VALUE;

    private volatile long freeMeasuredAtNanos;
    private volatile boolean freeMeasured;
    /** When a failure of a member's store was last logged, so that it is logged once a minute at most. */
    private final AtomicLong remoteLoggedAtNanos = new AtomicLong(Long.MIN_VALUE);

    private final AtomicBoolean recovering = new AtomicBoolean();
    /**
     * Whether a probe tried to recover since the fault opened or a probe last failed: the first probe to succeed after
     * either tries at once, later ones once per {@link #RETRY}.
     */
    private volatile boolean recoveryTried;

    private volatile Runnable onRecovery = () -> {};

    /** A store at {@code location} (null: none, which never takes writes) with {@code minFreeBytes} kept free. */
    StoreWrites(Path location, long minFreeBytes) {
        this(location, minFreeBytes, () -> Files.getFileStore(location).getUsableSpace(), System::nanoTime, RETRY);
    }

    StoreWrites(Path location, long minFreeBytes, FreeSpace freeSpace, LongSupplier nanos, Duration retry) {
        this.location = location;
        this.minFreeBytes = minFreeBytes;
        this.freeSpace = freeSpace;
        this.nanos = nanos;
        this.retryNanos = retry.toNanos();
    }

    /** What to run to store again what a fault kept in memory only; it must write to the store, and throw if it fails. */
    void onRecovery(Runnable action) {
        this.onRecovery = action;
    }

    /**
     * For entries and vary rules: {@code withoutStore} while the store's file system is low on space, else as
     * {@link #write}.
     */
    <T> T writeIfRoom(String what, Supplier<T> toStore, Supplier<T> withoutStore) {
        if (!room()) {
            lowOnSpace(what);
            return withoutStore.get();
        }
        return write(what, toStore, withoutStore);
    }

    /**
     * {@code toStore}, unless writes fail and no retry is due, or it fails because of the store: then
     * {@code withoutStore}, whose result is returned. Failures that do not come from a store are thrown.
     *
     * @param what what is written, for the log line (a key: never a body, a header or a secret)
     */
    <T> T write(String what, Supplier<T> toStore, Supplier<T> withoutStore) {
        Fault open = fault.get();
        if (open != null && open.writesFailed() && !claimRetry(open)) {
            return withoutStore.get();
        }
        T result;
        try {
            result = toStore.get();
        } catch (RuntimeException e) {
            Throwable cause = storeCause(e);
            if (cause == null) {
                throw e;
            }
            if (fromMember(e)) {
                memberFailed(what, cause);
            } else {
                open(new Fault(describe(cause), true, nanos.getAsLong() + retryNanos), what, e);
            }
            return withoutStore.get();
        }
        if (open != null && room()) {
            close("a write of " + what);
        }
        return result;
    }

    /**
     * For readiness: whether the store takes writes. Checks the free space, then writes, syncs and deletes a probe
     * file in the store's directory (a full disk still creates empty files, and root ignores permissions, so only a
     * synced write tells); opens a fault if either fails, and while one is open tries to recover (once per
     * {@link #RETRY}).
     */
    boolean probe() {
        if (location == null) {
            return false;
        }
        measureFreeSpace();
        if (!room()) {
            lowOnSpace("the readiness probe");
            recoveryTried = false;
            return false;
        }
        Path probe = null;
        try {
            probe = Files.createTempFile(location, ".isr-health", ".tmp");
            try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.allocate(PROBE_BYTES);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(false);
            }
        } catch (IOException | RuntimeException e) {
            open(new Fault(describe(e), true, nanos.getAsLong() + retryNanos), "the readiness probe", e);
            recoveryTried = false;
            return false;
        } finally {
            deleteQuietly(probe);
        }
        Fault open = fault.get();
        if (open != null && (!open.writesFailed() || !recoveryTried || claimRetry(open))) {
            recoveryTried = true;
            recover();
        }
        return fault.get() == null;
    }

    /** Why the store takes no writes (or no entries), or empty while it does. */
    String fault() {
        Fault open = fault.get();
        return open == null ? "" : open.reason();
    }

    private boolean room() {
        if (minFreeBytes <= 0 || location == null) {
            return true;
        }
        if (!freeMeasured || nanos.getAsLong() - freeMeasuredAtNanos >= FREE_SPACE_TTL_NANOS) {
            measureFreeSpace();
        }
        return freeBytes >= minFreeBytes;
    }

    private void measureFreeSpace() {
        if (minFreeBytes <= 0 || location == null) {
            return;
        }
        try {
            freeBytes = freeSpace.usableBytes();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "measuring the free space of " + location + " failed; the probe will tell", e);
            freeBytes = Long.MAX_VALUE;
        }
        freeMeasuredAtNanos = nanos.getAsLong();
        freeMeasured = true;
    }

    private void lowOnSpace(String what) {
        Fault open = fault.get();
        if (open == null || (!open.writesFailed() && !open.reason().equals(lowSpaceReason()))) {
            open(new Fault(lowSpaceReason(), false, nanos.getAsLong()), what, null);
        }
    }

    private String lowSpaceReason() {
        return (freeBytes >> 10) + " KiB free on its file system, less than isr.store.min-free-bytes ("
                + (minFreeBytes >> 10) + " KiB)";
    }

    private boolean claimRetry(Fault open) {
        long now = nanos.getAsLong();
        return now - open.retryAtNanos() >= 0
                && fault.compareAndSet(open, new Fault(open.reason(), open.writesFailed(), now + retryNanos));
    }

    /**
     * Opens {@code next}, or replaces the open fault with it; logs when none was open, or when writes now fail where
     * only space was low.
     */
    private void open(Fault next, String what, Throwable failure) {
        Fault previous = fault.getAndSet(next);
        if (previous == null) {
            recoveryTried = false;
        }
        if (previous == null || next.writesFailed() && !previous.writesFailed()) {
            StoreLog.storeFault(location, next.reason(), next.writesFailed(), what, failure);
        }
    }

    /** Runs {@code onRecovery}; closes the fault if it succeeds, keeps it open (quietly) if the store fails it. */
    private void recover() {
        if (!recovering.compareAndSet(false, true)) {
            return;
        }
        try {
            onRecovery.run();
        } catch (RuntimeException e) {
            Throwable cause = storeCause(e);
            if (cause != null) {
                fault.set(new Fault(describe(cause), true, nanos.getAsLong() + retryNanos));
                LOG.log(Level.DEBUG, "the store still takes no writes", e);
                return;
            }
            StoreLog.storingAgainFailed(e);
        } finally {
            recovering.set(false);
        }
        close("the readiness probe");
    }

    private void close(String by) {
        Fault closed = fault.getAndSet(null);
        if (closed != null) {
            StoreLog.storeWritesAgain(location, by, closed.reason());
        }
    }

    private void memberFailed(String what, Throwable cause) {
        long now = nanos.getAsLong();
        long last = remoteLoggedAtNanos.get();
        if ((last == Long.MIN_VALUE || now - last >= 60_000_000_000L) && remoteLoggedAtNanos.compareAndSet(last, now)) {
            StoreLog.memberRefusedWrite(what, describe(cause));
        }
    }

    /** The I/O failure behind {@code e}, if a store caused it; null otherwise. */
    static Throwable storeCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException
                    || "org.infinispan.persistence.spi.PersistenceException"
                            .equals(t.getClass().getName())) {
                return t;
            }
        }
        return null;
    }

    private static boolean fromMember(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if ("org.infinispan.remoting.RemoteException".equals(t.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message of {@code e}: "No space left on device", "Read-only file system". */
    private static String describe(Throwable e) {
        Throwable innermost = e;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage();
        return message == null || message.isBlank() ? innermost.getClass().getSimpleName() : message;
    }

    private static void deleteQuietly(Path probe) {
        if (probe != null) {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "the readiness probe file " + probe + " could not be deleted", e);
            }
        }
    }
}
