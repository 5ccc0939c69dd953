package dev.isr.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The scripts of the lab pages, by name; thread-safe, for the lifetime of the deployment. */
@ApplicationScoped
public class LabScripts {

    private final Map<String, LabScript> scripts = new ConcurrentHashMap<>();

    void put(String name, LabScript script) {
        scripts.put(name, script);
    }

    LabScript get(String name) {
        return scripts.getOrDefault(name, LabScript.PLAIN);
    }
}
