package dev.isr.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The read-only view of a node's {@link EntryIndex} that a {@link ResponseCache} hands out, for listings, statistics
 * and the sweep: what is indexed, never a way to change it (only the store adapter feeds the index, from the caches'
 * own events). In the spirit of Caffeine's {@code Policy}: a component shows its state without giving it away.
 */
public interface EntryListing {

    /** What the index knows of {@code key}, or null. */
    EntryIndex.@Nullable Indexed get(String key);

    /** Entries with a tag and/or a path prefix (null for any), most read first, at most {@code limit}. */
    List<EntryIndex.Indexed> list(@Nullable String tag, @Nullable String prefix, int limit);

    /** One page of a listing: {@code total} entries match, these are the ones from {@code offset} on. */
    record Page(int total, int offset, List<EntryIndex.Indexed> entries) {}

    /**
     * The entries {@link #list} gives, from {@code offset} (0 for the first), at most {@code limit}, and how many
     * match in all: what a console pages through without loading every entry.
     */
    default Page page(@Nullable String tag, @Nullable String prefix, int offset, int limit) {
        List<EntryIndex.Indexed> all = list(tag, prefix, Integer.MAX_VALUE);
        int from = Math.min(offset, all.size());
        return new Page(all.size(), from, List.copyOf(all.subList(from, Math.min(all.size(), from + limit))));
    }

    /** Every indexed entry: a snapshot. */
    List<EntryIndex.Indexed> all();

    /** How many keys are indexed. */
    int size();

    /** The sum of the indexed sizes (an entry held twice counts once). */
    long bytes();

    /** The sum of the sizes of the entries {@code holder} has. */
    long bytesHeldBy(EntryIndex.Holder holder);
}
