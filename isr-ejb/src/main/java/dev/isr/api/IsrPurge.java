package dev.isr.api;

import dev.isr.core.PurgeRequest;
import java.util.List;
import java.util.Objects;

/**
 * An event that purges cache tags and paths once the transaction it was fired in commits, and at once when it was
 * fired outside a transaction. If the transaction rolls back, nothing is purged.
 *
 * <p>Fire it where the data changes, in the same transaction:
 *
 * <pre>{@code
 * @Inject Event<IsrPurge> purges;
 *
 * @Transactional
 * public void rename(Book book, String title) {
 *     book.setTitle(title);
 *     purges.fire(IsrPurge.tags("book-" + book.getId(), "books"));
 * }
 * }</pre>
 *
 * <p>Purging after the commit closes the race in which a request renders the old data between the purge and the commit
 * and caches it again.
 */
public record IsrPurge(List<String> tags, List<String> paths) {

    /** @throws IllegalArgumentException naming an invalid tag or path, so that the mistake surfaces where it is made */
    public IsrPurge {
        tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
        paths = List.copyOf(Objects.requireNonNull(paths, "paths"));
        PurgeRequest.requireValidSelectors(tags, paths, List.of());
    }

    public static IsrPurge tags(String... tags) {
        return new IsrPurge(List.of(tags), List.of());
    }

    public static IsrPurge paths(String... paths) {
        return new IsrPurge(List.of(), List.of(paths));
    }
}
