package dev.isr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of the module says what it is to a user: {@code dev.isr.api} the public API, every other one internal
 * (its {@code package-info.java}), so that a change knows what it may break.
 */
class PackageRolesTest {

    private static final List<Path> SOURCES = Stream.of("isr-ejb", "isr-jaxrs", "isr-undertow")
            .map(module -> Path.of("..", module, "src", "main", "java"))
            .toList();

    @Test
    void everyPackageSaysWhetherItIsPublicApiOrInternal() throws IOException {
        Set<Path> packages = new TreeSet<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java"))
                        .map(Path::getParent)
                        .forEach(packages::add);
            }
        }
        assertTrue(packages.size() >= 10, "packages found: " + packages);
        for (Path dir : packages) {
            Path info = dir.resolve("package-info.java");
            assertTrue(Files.exists(info), dir + " has no package-info.java");
            String text = Files.readString(info);
            String role = dir.endsWith(Path.of("dev", "isr", "api")) ? "<b>Public API.</b>" : "<b>Internal.</b>";
            assertTrue(text.contains(role), info + " should say " + role);
        }
    }
}
