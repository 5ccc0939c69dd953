package dev.isr.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts how often each page was really rendered, so a visitor or a test can tell a cache hit from a render. */
@ApplicationScoped
public class RenderCounter {

    private final Map<String, AtomicLong> renders = new ConcurrentHashMap<>();

    void rendered(String path) {
        renders.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
    }

    long count(String path) {
        AtomicLong count = renders.get(path);
        return count == null ? 0 : count.get();
    }
}
