package dev.isr.store;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs an operation on the caches that must never fail a request, in the manner of Caffeine's
 * {@code GuardedStatsCounter}: a {@link RuntimeException} of the operation is handed to its log message and the
 * operation answers {@code fallback} instead (a miss, an uncached response, a free lease). Errors are not caught: an
 * {@link Error} means the node is in no state to serve.
 */
final class FailOpen {

    private FailOpen() {}

    static <T> T call(Supplier<T> operation, T fallback, Consumer<RuntimeException> log) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            log.accept(e);
            return fallback;
        }
    }

    static void run(Runnable operation, Consumer<RuntimeException> log) {
        try {
            operation.run();
        } catch (RuntimeException e) {
            log.accept(e);
        }
    }
}
