package dev.isr.store;

import dev.isr.core.ClusterSettings;
import dev.isr.core.ClusterView;

/** The view of a node whose cache has not started (or could not): alone, and owner of everything. */
record StaticClusterView(ClusterSettings.Mode mode, String nodeName) implements ClusterView {

    @Override
    public int members() {
        return 1;
    }

    @Override
    public boolean isPrimaryOwner(String key) {
        return true;
    }
}
