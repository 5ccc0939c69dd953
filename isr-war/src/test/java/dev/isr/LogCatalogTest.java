package dev.isr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The log catalogs (the {@code *Log} classes, one per package that logs): every message with an id is written in one
 * method of a catalog, each method has one id, no id is used by two methods, and docs/operations.md names every id.
 * The only ids outside the catalogs are in the messages of exceptions that fail a deployment, thrown where the
 * problem is found.
 */
class LogCatalogTest {

    private static final List<Path> SOURCES = Stream.of("isr-ejb", "isr-jaxrs", "isr-undertow")
            .map(module -> Path.of("..", module, "src", "main", "java"))
            .toList();
    private static final Pattern ID = Pattern.compile("\"(ISR\\d{4}):");
    private static final Pattern METHOD = Pattern.compile("\\n    static void (\\w+)\\(");
    /** Ids of exception messages, and the one class each is thrown from. */
    private static final Map<String, String> THROWN =
            Map.of("ISR0001", "IsrConfigProducer", "ISR0601", "IsrValidation");

    @Test
    void everyIdIsOneMethodOfACatalog() throws IOException {
        Map<String, Set<String>> methodsById = new TreeMap<>();
        for (Path file : javaFiles()) {
            String name = file.getFileName().toString().replace(".java", "");
            String source = Files.readString(file);
            if (!name.endsWith("Log")) {
                Matcher id = ID.matcher(source);
                while (id.find()) {
                    assertEquals(THROWN.get(id.group(1)), name, id.group(1) + " outside a log catalog, in " + file);
                }
                continue;
            }
            Matcher method = METHOD.matcher(source);
            List<int[]> spans = new java.util.ArrayList<>();
            List<String> names = new java.util.ArrayList<>();
            while (method.find()) {
                spans.add(new int[] {method.start()});
                names.add(name + "." + method.group(1));
            }
            for (int i = 0; i < names.size(); i++) {
                int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : source.length();
                Set<String> ids = new TreeSet<>();
                Matcher id = ID.matcher(source.substring(spans.get(i)[0], end));
                while (id.find()) {
                    ids.add(id.group(1));
                }
                assertEquals(1, ids.size(), names.get(i) + " logs one message with one id: " + ids);
                methodsById
                        .computeIfAbsent(ids.iterator().next(), k -> new TreeSet<>())
                        .add(names.get(i));
            }
        }
        methodsById.forEach((id, methods) -> assertEquals(1, methods.size(), id + " is used by " + methods));
        assertTrue(methodsById.size() >= 50, "ids in the catalogs: " + methodsById.keySet());
        String operations = Files.readString(Path.of("..", "docs", "operations.md"));
        for (String id : methodsById.keySet()) {
            assertTrue(
                    operations.contains(id), id + " (" + methodsById.get(id) + ") is missing from docs/operations.md");
        }
    }

    private static List<Path> javaFiles() {
        return SOURCES.stream()
                .flatMap(root -> {
                    try (Stream<Path> files = Files.walk(root)) {
                        return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }
}
