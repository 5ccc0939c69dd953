package org.example.cachetests;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the suite's server keeps between requests (server/utils.mjs): the tests' configurations and states. */
@ApplicationScoped
public class TestStates {

    /** The clock the answers are dated by ({@code Server-Now}, dates relative to it). */
    final Clock clock = Clock.systemUTC();

    /** The requests of each test, by its uuid. */
    final Map<String, JsonArray> configs = new ConcurrentHashMap<>();
    /** What the server received for each test, in order; synchronized on the list. */
    final Map<String, List<JsonObject>> states = new ConcurrentHashMap<>();
    /** The configured fields as sent (dates made), per test and request number: a 304 is decided against them. */
    final Map<String, Map<Integer, Map<String, String>>> sent = new ConcurrentHashMap<>();
}
