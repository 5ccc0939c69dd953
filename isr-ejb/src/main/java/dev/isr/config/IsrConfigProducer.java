package dev.isr.config;

import dev.isr.core.ConfigKey;
import dev.isr.core.ConfigValues;
import dev.isr.core.IsrConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Reads every key {@link ConfigKey} declares from MicroProfile Config, once, into an immutable {@link IsrConfig}: a
 * key's {@link dev.isr.core.ConfigKind} says how (a list kind through MicroProfile Config's list splitting), an absent key takes
 * its default.
 *
 * <p>A value that does not convert, or that {@link IsrConfig} rejects, fails the injection and so the deployment,
 * with a message naming the key and the value ({@code ISR0001}).
 */
@ApplicationScoped
public class IsrConfigProducer {

    @Inject
    Config config;

    @Produces
    @Singleton
    IsrConfig isrConfig() {
        try {
            Map<ConfigKey, Object> read = new EnumMap<>(ConfigKey.class);
            for (ConfigKey key : ConfigKey.values()) {
                raw(key).ifPresent(values -> read.put(key, key.parse(values)));
            }
            return ConfigValues.defaultsWith(read).toConfig();
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            throw new IllegalStateException("ISR0001: invalid ISR configuration: " + e.getMessage(), e);
        }
    }

    /** What the configuration holds for {@code key}: its elements for a list kind, else its one value. */
    private Optional<List<String>> raw(ConfigKey key) {
        return key.kind().isList()
                ? config.getOptionalValues(key.key(), String.class)
                : config.getOptionalValue(key.key(), String.class).map(List::of);
    }
}
