package dev.isr.store;

import dev.isr.core.IsrConfig;
import dev.isr.core.ResponseCache;
import dev.isr.core.ResponseCacheContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The Infinispan store keeps the {@link ResponseCache} contract (local mode, a file store in a temporary directory). */
class InfinispanResponseCacheContractTest extends ResponseCacheContract {

    @TempDir
    Path dir;

    private IsrCacheContainer container;

    @Override
    protected ResponseCache start() {
        container = new IsrCacheContainer();
        container.config = IsrConfig.defaults().withStorePath(dir.toString());
        container.clock = Clock.systemUTC();
        container.start();
        return container.responseCache();
    }

    @Override
    protected void stop() {
        container.stop();
    }
}
