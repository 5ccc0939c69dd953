package dev.isr.store;

import dev.isr.core.ClusterSettings;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.infinispan.Cache;
import org.infinispan.commons.dataconversion.MediaType;
import org.infinispan.configuration.global.GlobalStateConfiguration;
import org.infinispan.factories.GlobalComponentRegistry;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.marshall.core.EncoderRegistry;

/**
 * A cache container the server manages ({@code isr.cache.jndi}; on WildFly one of the {@code infinispan} subsystem,
 * {@code java:jboss/infinispan/container/<name>}, whose transport is a channel of the {@code jgroups} subsystem):
 * operators cluster, secure and watch it as they do the server's other caches.
 *
 * <p>The module defines its caches in that container ({@link CacheConfigurations#defineInServerContainer}), every one
 * stored ProtoStream-encoded, and converts its objects to and from those bytes itself ({@link ModuleObjectTranscoder},
 * registered with the container's encoder registry). The server's own marshaller then never meets a type of the
 * module: replication, state transfer and the file stores carry bytes.
 *
 * <p>The stores go under the container's global state directory ({@code <global state>/isr/}; on WildFly
 * {@code standalone/data/infinispan/<container>/isr/}), as Infinispan requires of a container with global state; only
 * without global state is {@code isr.store.path} used. The EAR must not bundle Infinispan then: the container's objects
 * implement the server's Infinispan classes (docs/operations.md).
 */
final class ServerCacheContainer implements CacheHost {

    static final String STORE_DIRECTORY = "isr";

    private static final Logger LOG = System.getLogger(ServerCacheContainer.class.getName());

    private final EmbeddedCacheManager manager;
    private final Path location;
    private final EncoderRegistry encoders;
    private final ModuleObjectTranscoder transcoder;
    private final Deque<Cache<?, ?>> started = new ArrayDeque<>();
    private final List<Object> listeners = new ArrayList<>();

    private ServerCacheContainer(
            EmbeddedCacheManager manager, Path location, EncoderRegistry encoders, ModuleObjectTranscoder transcoder) {
        this.manager = manager;
        this.location = location;
        this.encoders = encoders;
        this.transcoder = transcoder;
    }

    /**
     * Looks the container up, registers the module's schema with it and defines the module's caches in it.
     *
     * @param storePath where the stores go if the container has no global state ({@code isr.store.path})
     * @throws NamingException if nothing is bound under the name
     * @throws IllegalStateException if the container cannot carry the configured mode (no transport for a cluster)
     */
    static ServerCacheContainer lookUp(ClusterSettings cluster, Path storePath, long memoryBytes)
            throws NamingException, IOException {
        Object bound = new InitialContext().lookup(cluster.serverContainer());
        if (!(bound instanceof EmbeddedCacheManager manager)) {
            throw new IllegalStateException("isr.cache.jndi: " + cluster.serverContainer() + " is "
                    + (isContainerOfAnotherInfinispan(bound)
                            ? "the server's cache container, but this EAR bundles"
                                    + " an Infinispan of its own: deploy the EAR without it (isr-ear, classifier"
                                    + " server-managed; docs/operations.md)"
                            : "not an Infinispan cache container but "
                                    + (bound == null ? "null" : bound.getClass().getName())));
        }
        return in(manager, cluster, storePath, memoryBytes);
    }

    /** An {@code EmbeddedCacheManager}, but of classes loaded elsewhere (the server's, when the EAR has its own). */
    private static boolean isContainerOfAnotherInfinispan(Object bound) {
        for (Class<?> type = bound == null ? null : bound.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> contract : type.getInterfaces()) {
                if (contract.getName().equals(EmbeddedCacheManager.class.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@link #lookUp} once the container is found: what the tests call with a container of their own. */
    static ServerCacheContainer in(
            EmbeddedCacheManager manager, ClusterSettings cluster, Path storePath, long memoryBytes)
            throws IOException {
        if (cluster.clustered()
                && manager.getCacheManagerConfiguration().transport().transport() == null) {
            throw new IllegalStateException("isr.cluster.mode=" + cluster.mode().label() + " but the container "
                    + cluster.serverContainer() + " has no transport: give it one (docs/operations.md)");
        }
        GlobalStateConfiguration state = manager.getCacheManagerConfiguration().globalState();
        Path location = state.enabled() ? Path.of(state.persistentLocation()).resolve(STORE_DIRECTORY) : storePath;
        Files.createDirectories(location);
        EncoderRegistry encoders = GlobalComponentRegistry.componentOf(manager, EncoderRegistry.class);
        ModuleObjectTranscoder transcoder = new ModuleObjectTranscoder();
        encoders.registerTranscoder(transcoder);
        ServerCacheContainer container = new ServerCacheContainer(manager, location, encoders, transcoder);
        try {
            CacheConfigurations.defineInServerContainer(
                    manager, cluster, memoryBytes, state.enabled() ? STORE_DIRECTORY : location.toString());
        } catch (RuntimeException | LinkageError e) {
            container.close();
            throw e;
        }
        return container;
    }

    @Override
    public EmbeddedCacheManager manager() {
        return manager;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> Cache<K, V> cache(String name) {
        Cache<K, V> cache = manager.getCache(name);
        started.push(cache);
        // the decorator's media type (the deployment's values for the server's marshaller) replaced by the module's
        return (Cache<K, V>) cache.getAdvancedCache().withMediaType(transcoder.objects(), transcoder.objects());
    }

    @Override
    public Path location() {
        return location;
    }

    @Override
    public void listen(Object listener) {
        manager.addListener(listener);
        listeners.add(listener);
    }

    @Override
    public boolean mayHoldLegacyStore() {
        return false;
    }

    /**
     * Removes what the deployment added to the server's container: its listeners, its caches (stopped on this node
     * only; their stores stay for the next deployment) and their configurations, and its schema.
     */
    @Override
    public void close() {
        listeners.forEach(listener -> quietly("removing a listener", () -> manager.removeListener(listener)));
        listeners.clear();
        while (!started.isEmpty()) {
            Cache<?, ?> cache = started.pop();
            quietly("stopping " + cache.getName(), cache::stop);
        }
        for (String name : CacheConfigurations.NAMES) {
            quietly("removing the configuration of " + name, () -> manager.undefineConfiguration(name));
        }
        quietly("removing the transcoder", this::forgetTranscoder);
    }

    /**
     * Removes the transcoder where the registry can (WildFly's has {@code unregisterTranscoder(MediaType)}, which
     * Infinispan's interface lacks): else it stays, unused, until the container stops (see
     * {@link ModuleObjectTranscoder}).
     */
    private void forgetTranscoder() {
        try {
            encoders.getClass()
                    .getMethod("unregisterTranscoder", MediaType.class)
                    .invoke(encoders, transcoder.objects());
        } catch (NoSuchMethodException e) {
            LOG.log(Level.DEBUG, "the encoder registry cannot forget a transcoder; this one stays, unused");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void quietly(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            StoreLog.leavingServerContainerFailed(what, e);
        }
    }
}
