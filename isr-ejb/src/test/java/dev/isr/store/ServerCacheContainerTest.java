package dev.isr.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.core.CacheKey;
import dev.isr.core.CachePolicy;
import dev.isr.core.CachedResponse;
import dev.isr.core.ChannelSecurity;
import dev.isr.core.ClusterSettings;
import dev.isr.core.PurgeRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.infinispan.Cache;
import org.infinispan.commons.dataconversion.MediaType;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module's caches in a container that is not its own, as a server would hold it (started before the deployment,
 * with global state, without the module's schema): entries go in and come out as the module's objects, stored as
 * ProtoStream bytes; the stores sit under the container's global state; leaving removes the module's caches and
 * configurations but stops nothing else, and the next deployment finds the durable entries again.
 */
class ServerCacheContainerTest {

    private static final ClusterSettings LOCAL_IN_SERVER = new ClusterSettings(
            ClusterSettings.Mode.LOCAL,
            2,
            "isr",
            "127.0.0.1",
            7900,
            List.of("127.0.0.1[7900]"),
            1,
            "",
            ChannelSecurity.NONE,
            ClusterSettings.DEFAULT_MAX_CLOCK_SKEW,
            "java:jboss/infinispan/container/isr");

    @TempDir
    Path dir;

    private EmbeddedCacheManager server;

    @BeforeEach
    void startTheServersContainer() {
        GlobalConfigurationBuilder global = new GlobalConfigurationBuilder().nonClusteredDefault();
        global.cacheContainer().name("server-isr");
        global.jmx().enabled(false);
        global.globalState()
                .enable()
                .persistentLocation(dir.resolve("container").toString());
        server = new DefaultCacheManager(global.build());
    }

    @AfterEach
    void stopIt() {
        server.stop();
    }

    private static CachedResponse page(String path) {
        CachePolicy policy = new CachePolicy(Duration.ofHours(1), Duration.ZERO, Duration.ZERO, false, true, true);
        return new CachedResponse(
                new CacheKey(path, ""),
                200,
                List.of(),
                path.getBytes(StandardCharsets.UTF_8),
                Instant.now(),
                policy,
                List.of(),
                List.of("t"));
    }

    @Test
    void entriesAreTheModulesObjectsStoredAsProtoStreamUnderTheContainersGlobalState() throws Exception {
        ServerCacheContainer host = ServerCacheContainer.in(server, LOCAL_IN_SERVER, dir.resolve("unused"), 1 << 20);
        try {
            assertEquals(dir.resolve("container").resolve("isr"), host.location());
            Cache<String, CachedResponse> durable = host.cache(IsrCacheContainer.DURABLE_CACHE);
            durable.put("k", page("/a"));
            assertArrayEquals(
                    "/a".getBytes(StandardCharsets.UTF_8), durable.get("k").body());
            Object stored = durable.getAdvancedCache()
                    .withStorageMediaType()
                    .get(durable.getAdvancedCache().getKeyDataConversion().toStorage("k"));
            assertEquals(
                    MediaType.APPLICATION_PROTOSTREAM,
                    durable.getAdvancedCache().getValueDataConversion().getStorageMediaType());
            assertTrue(
                    stored instanceof byte[]
                            || stored.getClass().getSimpleName().contains("ByteArray"),
                    "stored as bytes, not as the object: " + stored.getClass());

            Cache<String, PurgeRecord> purges = host.cache(IsrCacheContainer.PURGES_CACHE);
            assertEquals(
                    MediaType.APPLICATION_PROTOSTREAM,
                    purges.getAdvancedCache().getValueDataConversion().getStorageMediaType(),
                    "every cache encoded: the server's marshaller knows none of the module's types");
            Cache<String, Long> reads = host.cache(IsrCacheContainer.READS_CACHE);
            reads.put("k", 42L);
            assertEquals(42L, reads.get("k"));
            assertTrue(
                    Files.isDirectory(host.location().resolve(IsrCacheContainer.DURABLE_DIRECTORY)),
                    "the durable store under <global state>/isr");
        } finally {
            host.close();
        }
        assertTrue(server.getStatus().allowInvocations(), "the server's container keeps running");
        for (String name : CacheConfigurations.NAMES) {
            assertNull(server.getCacheConfiguration(name), name + " left defined in the server's container");
        }

        ServerCacheContainer again = ServerCacheContainer.in(server, LOCAL_IN_SERVER, dir.resolve("unused"), 1 << 20);
        try {
            Cache<String, CachedResponse> durable = again.cache(IsrCacheContainer.DURABLE_CACHE);
            assertInstanceOf(CachedResponse.class, durable.get("k"), "the next deployment reads the durable entry");
        } finally {
            again.close();
        }
    }

    @Test
    void aClusterModeNeedsAContainerWithATransport() {
        ClusterSettings replicated = new ClusterSettings(
                ClusterSettings.Mode.REPLICATED,
                2,
                "isr",
                "127.0.0.1",
                7900,
                List.of("127.0.0.1[7900]"),
                1,
                "",
                ChannelSecurity.NONE,
                ClusterSettings.DEFAULT_MAX_CLOCK_SKEW,
                "java:jboss/infinispan/container/isr");
        IllegalStateException refused = assertThrows(
                IllegalStateException.class, () -> ServerCacheContainer.in(server, replicated, dir, 1 << 20));
        assertTrue(refused.getMessage().contains("has no transport"), refused.getMessage());
        assertNull(server.getCacheConfiguration(IsrCacheContainer.DURABLE_CACHE), "nothing defined");
    }
}
