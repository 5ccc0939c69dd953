package dev.isr.core;

/** The core tests' {@link MapCache} keeps the {@link ResponseCache} contract. */
class MapCacheContractTest extends ResponseCacheContract {

    @Override
    protected ResponseCache start() {
        MapCache cache = new MapCache();
        cache.nowMillis = System.currentTimeMillis() + 60_000; // reads a minute ahead: purges made now apply
        return cache;
    }

    @Override
    protected void stop() {}
}
