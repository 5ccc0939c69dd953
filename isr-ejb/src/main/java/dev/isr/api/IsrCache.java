package dev.isr.api;

import java.util.Collection;

/**
 * The cache, for application code that purges or revalidates without going through HTTP. Inject it with
 * {@code @Inject IsrCache cache}. Purges are immediate (for purges tied to a transaction, fire {@link IsrPurge}
 * instead) and logged like those of the admin API.
 *
 * <p>Invalid tags or paths are rejected with an {@link IllegalArgumentException} naming them, before anything is
 * purged.
 */
public interface IsrCache {

    /** Removes every entry carrying one of {@code tags}; returns how many. */
    int purgeTags(Collection<String> tags);

    /** Removes every entry of these paths (all queries and variants); returns how many. */
    int purgePaths(Collection<String> paths);

    /**
     * Renders the entries of these paths and tags again in the background, most read first, the old entries being
     * served until the new ones are stored; returns how many were scheduled.
     */
    int revalidate(Collection<String> paths, Collection<String> tags);
}
