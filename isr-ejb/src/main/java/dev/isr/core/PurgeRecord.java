package dev.isr.core;

/**
 * The last purges of one tag, path or prefix (or of everything): entries stored at or before {@code hardAtMillis}
 * are gone, those stored at or before {@code softAtMillis} are stale. Kept in a replicated, persistent cache, these
 * records make a purge hold on every node, including one that was down when it happened and comes back with its old
 * entries on disk.
 *
 * <p>Times are epoch milliseconds of the purging node's clock; 0 means never. Comparing them with store times taken
 * on other nodes assumes clocks kept in step (NTP): a skew of a few milliseconds only matters for an entry stored in
 * those milliseconds, which is then purged too (or, far less likely, kept).
 */
public record PurgeRecord(long hardAtMillis, long softAtMillis) {

    public static final PurgeRecord NONE = new PurgeRecord(0, 0);

    public PurgeRecord {
        if (hardAtMillis < 0 || softAtMillis < 0) {
            throw new IllegalArgumentException("purge times must not be negative: " + hardAtMillis + ", "
                    + softAtMillis);
        }
    }

    /** This record with a purge at {@code atMillis} added; times only move forward. */
    public PurgeRecord with(boolean soft, long atMillis) {
        return soft ? new PurgeRecord(hardAtMillis, Math.max(softAtMillis, atMillis))
                : new PurgeRecord(Math.max(hardAtMillis, atMillis), softAtMillis);
    }

    /** The later of both records, field by field. */
    public PurgeRecord merge(PurgeRecord other) {
        return new PurgeRecord(Math.max(hardAtMillis, other.hardAtMillis), Math.max(softAtMillis, other.softAtMillis));
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

    /** What the records say about an entry stored at {@code storedAtMillis}: null if it stands, else the purge. */
    public PurgeVerdict verdictFor(long storedAtMillis) {
        if (storedAtMillis <= hardAtMillis) {
            return PurgeVerdict.HARD;
        }
        if (storedAtMillis <= softAtMillis) {
            return PurgeVerdict.SOFT;
        }
        return null;
    }

    /** How a record applies to an entry. */
    public enum PurgeVerdict {
        /** Removed: treat as absent. */
        HARD,
        /** Marked stale: serve stale once while it is rendered again. */
        SOFT
    }
}
