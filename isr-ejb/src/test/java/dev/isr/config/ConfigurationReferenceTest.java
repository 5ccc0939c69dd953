package dev.isr.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The configuration reference in docs/ documents every key the code reads. */
class ConfigurationReferenceTest {

    @Test
    void everyKeyIsDocumented() throws Exception {
        String reference = Files.readString(Path.of("..", "docs", "configuration.md"));
        for (String key : IsrConfigProducer.KEYS) {
            assertTrue(reference.contains("| `" + key + "` |"), key + " is missing from docs/configuration.md");
        }
    }
}
