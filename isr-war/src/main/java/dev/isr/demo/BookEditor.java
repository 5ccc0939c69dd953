package dev.isr.demo;

import dev.isr.api.IsrPurge;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Edits a book the way an application with a database would: in a transaction, purging the book's page and the list
 * with an {@link IsrPurge} event that takes effect only after the commit.
 *
 * <p>The demo's bookshelf lives in memory, so it joins the transaction by hand: the change is applied just before
 * the commit completes, and not at all on a rollback, as a database row would be.
 */
@ApplicationScoped
public class BookEditor {

    @Inject
    Bookshelf bookshelf;

    @Inject
    Event<IsrPurge> purges;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * @param failCommit make the transaction roll back after the purge event was fired, to show that nothing is
     *     purged then
     * @return false if there is no such book
     * @throws CommitFailed when asked to fail; the transaction has rolled back
     */
    @Transactional(rollbackOn = CommitFailed.class)
    public boolean edit(int id, String title, String summary, boolean failCommit) {
        if (bookshelf.peek(id).isEmpty()) {
            return false;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                bookshelf.update(id, title, summary);
            }

            @Override
            public void afterCompletion(int status) {
                // the purge observer runs after success; nothing to undo on a rollback
            }
        });
        purges.fire(IsrPurge.tags("book-" + id, "books"));
        if (failCommit) {
            throw new CommitFailed("the edit of book " + id + " was rolled back on request");
        }
        return true;
    }

    /** The demo's stand-in for a failed commit. */
    public static class CommitFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CommitFailed(String message) {
            super(message);
        }
    }
}
