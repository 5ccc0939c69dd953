package dev.isr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.core.ConfigKey;
import dev.isr.core.ConfigValues;
import dev.isr.core.IsrConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The configuration reference in docs/ is what {@link ConfigKey} declares: each table, row for row, in the declared
 * order; and where the reference gives a default as a single literal, it is the default the code uses. A failure shows
 * the table as it should read.
 */
class ConfigurationReferenceTest {

    private static final Path REFERENCE = Path.of("..", "docs", "configuration.md");
    private static final String HEADER = "| key | type | default | meaning |\n|---|---|---|---|\n";

    @Test
    void eachTableOfTheReferenceIsTheDeclaredOne() throws Exception {
        String reference = Files.readString(REFERENCE);
        for (ConfigKey.Section section : ConfigKey.Section.values()) {
            String table = HEADER
                    + java.util.Arrays.stream(ConfigKey.values())
                            .filter(k -> k.section() == section)
                            .map(ConfigKey::referenceRow)
                            .collect(Collectors.joining("\n"))
                    + "\n";
            assertTrue(
                    reference.contains(table),
                    "docs/configuration.md: the " + section + " table should read\n" + table);
        }
        long documented =
                reference.lines().filter(line -> line.startsWith("| `isr.")).count();
        assertEquals(ConfigKey.values().length, documented, "rows of isr.* keys in docs/configuration.md");
    }

    @Test
    void aDefaultDocumentedAsALiteralIsTheOneTheCodeUses() {
        IsrConfig defaults = IsrConfig.defaults();
        int checked = 0;
        for (ConfigKey key : ConfigKey.values()) {
            String documented = key.documentedDefault();
            if (documented.matches("`[^`]+`( \\([^)]*\\))?") && !documented.contains("${")) {
                String literal = documented.substring(1, documented.indexOf('`', 1));
                Object parsed = key.parse(key.kind().isList() ? List.of(literal.split(",")) : List.of(literal));
                assertEquals(parsed, ConfigValues.of(defaults).get(key), key.key() + ": the documented default");
                checked++;
            }
        }
        assertTrue(checked >= 20, "defaults checked: " + checked);
    }

    @Test
    void secretsAreNeverShown() {
        IsrConfig config = ConfigValues.of(IsrConfig.defaults())
                .with(ConfigKey.ADMIN_TOKEN, "admin-token-0123456789")
                .with(ConfigKey.WEBHOOK_SECRET, "webhook-secret-0123456789")
                .toConfig();
        String shown = config.toString();
        assertTrue(shown.contains("isr.admin.token=<set>"), shown);
        assertTrue(!shown.contains("admin-token-0123456789") && !shown.contains("webhook-secret-0123456789"), shown);
        for (ConfigKey key : ConfigKey.values()) {
            assertTrue(shown.contains(key.key() + "="), key.key() + " is shown");
        }
    }
}
