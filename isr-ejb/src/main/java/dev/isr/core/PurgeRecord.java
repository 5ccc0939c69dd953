package dev.isr.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The last purges of one tag, path or prefix (or of everything), kept in a replicated, persistent cache so that a
 * purge holds on every node, including one that was down when it happened and comes back with its old entries on disk.
 *
 * <p>A purge is ordered against renders by the <em>purge epoch</em>, a cluster-wide counter that every purge advances
 * before it writes its records: {@code hardEpoch} and {@code softEpoch} are the epochs of the last hard and soft
 * purge, and an entry remembers the epoch its render started in ({@link CachedResponse#renderEpoch()}). An entry whose
 * render started before the purge advanced the counter is purged, however late it was stored, and no clock takes part.
 * See {@link #verdictFor(long, long, long)} for the exact rule.
 *
 * <p>{@code hardAtMillis} and {@code softAtMillis} are the purging node's clock at the last purge, for display and for
 * entries stored before the epoch existed (render epoch 0). 0 means never, for times and epochs alike; records written
 * before the epoch existed read back with epochs 0.
 */
public record PurgeRecord(long hardAtMillis, long softAtMillis, long hardEpoch, long softEpoch) {

    public static final PurgeRecord NONE = new PurgeRecord(0, 0, 0, 0);

    /** What a record that cannot be read stands for: everything purged, so nothing purged is served. */
    public static final PurgeRecord UNREADABLE = new PurgeRecord(Long.MAX_VALUE, 0, Long.MAX_VALUE, 0);

    public PurgeRecord {
        if (hardAtMillis < 0 || softAtMillis < 0 || hardEpoch < 0 || softEpoch < 0) {
            throw new IllegalArgumentException("purge times and epochs must not be negative: " + hardAtMillis + ", "
                    + softAtMillis + ", " + hardEpoch + ", " + softEpoch);
        }
    }

    /** This record with a purge in {@code epoch}, at {@code atMillis}, added; times and epochs only move forward. */
    public PurgeRecord with(boolean soft, long atMillis, long epoch) {
        return soft
                ? new PurgeRecord(hardAtMillis, Math.max(softAtMillis, atMillis), hardEpoch, Math.max(softEpoch, epoch))
                : new PurgeRecord(
                        Math.max(hardAtMillis, atMillis), softAtMillis, Math.max(hardEpoch, epoch), softEpoch);
    }

    /** The later of both records, field by field. */
    public PurgeRecord merge(PurgeRecord other) {
        if (covers(other)) {
            return this; // the common case on a hit: no record, or one already merged; nothing to allocate
        }
        if (other.covers(this)) {
            return other;
        }
        return new PurgeRecord(
                Math.max(hardAtMillis, other.hardAtMillis),
                Math.max(softAtMillis, other.softAtMillis),
                Math.max(hardEpoch, other.hardEpoch),
                Math.max(softEpoch, other.softEpoch));
    }

    /** Whether every time and epoch of this record is at least {@code other}'s: merging it would change nothing. */
    public boolean covers(PurgeRecord other) {
        return hardAtMillis >= other.hardAtMillis
                && softAtMillis >= other.softAtMillis
                && hardEpoch >= other.hardEpoch
                && softEpoch >= other.softEpoch;
    }

    /** This record with its times no later than {@code millis}; epochs unchanged. */
    public PurgeRecord notAfter(long millis) {
        if (hardAtMillis <= millis && softAtMillis <= millis) {
            return this;
        }
        return new PurgeRecord(Math.min(hardAtMillis, millis), Math.min(softAtMillis, millis), hardEpoch, softEpoch);
    }

    /** The highest epoch this record holds. */
    public long latestEpoch() {
        return Math.max(hardEpoch, softEpoch);
    }

    /** The key of the record of everything. */
    public static final String ALL = "*";

    public static String tagKey(String tag) {
        return "t:" + tag;
    }

    public static String pathKey(String path) {
        return "p:" + path;
    }

    public static String prefixKey(String prefix) {
        return "x:" + prefix;
    }

    /** The keys of the records that {@code request} writes. */
    public static List<String> keysOf(PurgeRequest request) {
        List<String> keys = new ArrayList<>();
        if (request.all()) {
            keys.add(ALL);
        }
        request.tags().forEach(tag -> keys.add(tagKey(tag)));
        request.paths().forEach(path -> keys.add(pathKey(path)));
        request.prefixes().forEach(prefix -> keys.add(prefixKey(prefix)));
        return keys;
    }

    /**
     * The keys of the records that apply to {@code entry}, except prefix records: those are matched with
     * {@link #prefixOf(String)} against its path by whoever knows which prefixes were purged.
     */
    public static List<String> exactKeysFor(CachedResponse entry) {
        List<String> keys = new ArrayList<>(entry.tags().size() + 2);
        keys.add(ALL);
        keys.add(pathKey(entry.key().path()));
        entry.tags().forEach(tag -> keys.add(tagKey(tag)));
        return keys;
    }

    /** The prefix a key purges, or null if it is not a prefix key. */
    public static @Nullable String prefixOf(String key) {
        return key.startsWith("x:") ? key.substring(2) : null;
    }

    /**
     * {@code entry} as these records leave it when read at {@code now}: null if purged, stale from the soft purge on
     * (from {@code now} if the purge is dated later) if soft-purged, else {@code entry} itself.
     */
    public @Nullable CachedResponse applyTo(CachedResponse entry, Instant now) {
        PurgeVerdict verdict = verdictFor(entry, now);
        if (verdict == PurgeVerdict.HARD) {
            return null;
        }
        if (verdict == PurgeVerdict.SOFT) {
            return entry.softPurged(Instant.ofEpochMilli(Math.min(softAtMillis, now.toEpochMilli())));
        }
        return entry;
    }

    /** What the records say about {@code entry} when read at {@code now}: see {@link #verdictFor(long, long, long)}. */
    public @Nullable PurgeVerdict verdictFor(CachedResponse entry, Instant now) {
        return verdictFor(entry.renderEpoch(), entry.storedAt().toEpochMilli(), now.toEpochMilli());
    }

    /**
     * What the records say about an entry rendered in {@code renderEpoch} and stored at {@code storedAtMillis}, read
     * at {@code nowMillis}: null if it stands, else the purge.
     *
     * <ul>
     *   <li>An entry with a render epoch (greater than 0) is {@code HARD} purged iff {@code renderEpoch < hardEpoch},
     *       else {@code SOFT} iff {@code renderEpoch < softEpoch}: its render started before a purge that covers it.
     *       Times are not looked at, so a slow render stored after the purge is purged too, and clocks may disagree.
     *   <li>An entry without one (stored before the epoch existed, or rendered while the epoch could not be read) keeps
     *       the time rule: {@code HARD} iff {@code storedAtMillis <= min(hardAtMillis, nowMillis)}, else {@code SOFT}
     *       iff {@code storedAtMillis <= min(softAtMillis, nowMillis)}. A purge time later than the reading node's
     *       present can only come from a clock running ahead; it counts as now, never as the future.
     * </ul>
     */
    public @Nullable PurgeVerdict verdictFor(long renderEpoch, long storedAtMillis, long nowMillis) {
        if (renderEpoch > 0) {
            if (renderEpoch < hardEpoch) {
                return PurgeVerdict.HARD;
            }
            return renderEpoch < softEpoch ? PurgeVerdict.SOFT : null;
        }
        if (storedAtMillis <= Math.min(hardAtMillis, nowMillis)) {
            return PurgeVerdict.HARD;
        }
        return storedAtMillis <= Math.min(softAtMillis, nowMillis) ? PurgeVerdict.SOFT : null;
    }

    /** How a record applies to an entry. */
    public enum PurgeVerdict {
        /** Removed: treat as absent. */
        HARD,
        /** Marked stale: serve stale once while it is rendered again. */
        SOFT
    }
}
