package dev.isr.store;

import dev.isr.core.ClusterSettings;
import dev.isr.core.ClusterView;
import java.util.List;
import org.infinispan.Cache;
import org.infinispan.distribution.DistributionManager;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.remoting.transport.Address;

/** {@link ClusterView} from the cache manager and the distribution of the durable entry cache. */
final class InfinispanClusterView implements ClusterView {

    private final EmbeddedCacheManager manager;
    private final Cache<String, ?> entries;
    private final ClusterSettings.Mode mode;
    private final String nodeName;

    InfinispanClusterView(
            EmbeddedCacheManager manager, Cache<String, ?> entries, ClusterSettings.Mode mode, String nodeName) {
        this.manager = manager;
        this.entries = entries;
        this.mode = mode;
        this.nodeName = nodeName;
    }

    @Override
    public int members() {
        List<Address> members = manager.getMembers();
        return members == null ? 1 : members.size();
    }

    @Override
    public List<String> memberNames() {
        List<Address> members = manager.getMembers();
        return members == null
                ? List.of(nodeName)
                : members.stream().map(Address::toString).sorted().toList();
    }

    @Override
    public ClusterSettings.Mode mode() {
        return mode;
    }

    @Override
    public String nodeName() {
        return nodeName;
    }

    @Override
    public boolean isPrimaryOwner(String key) {
        DistributionManager distribution = entries.getAdvancedCache().getDistributionManager();
        return distribution == null
                || distribution.getCacheTopology().getDistribution(key).isPrimary();
    }
}
