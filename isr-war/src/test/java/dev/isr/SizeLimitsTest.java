package dev.isr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Small classes and methods in the main code, counted in lines of code (not blank, not comment): a class at most
 * {@value #MAX_CLASS_LINES}, a method or constructor at most {@value #MAX_METHOD_LINES}, as the code is formatted.
 * A method that grows past it is split, or its class is: there is no list of exceptions.
 */
class SizeLimitsTest {

    static final int MAX_CLASS_LINES = 300;
    static final int MAX_METHOD_LINES = 40;

    private static final List<Path> SOURCES = Stream.of("isr-ejb", "isr-jaxrs", "isr-undertow")
            .map(module -> Path.of("..", module, "src", "main", "java"))
            .toList();
    private static final Pattern DECLARATION = Pattern.compile(
            "^\\s+(?:(?:public|private|protected|static|final|synchronized|default)\\s+)*(?:<[^>]+>\\s+)?"
                    + "(?:[\\w.<>\\[\\],?]+(?:\\s*<[^=]*>)?\\s+)?(\\w+)\\(.*");
    private static final Pattern NOT_A_DECLARATION = Pattern.compile(
            "^\\s+(?:(?:if|for|while|switch|return|new|else|try|catch|throw|do|synchronized)\\b|.*\\b(?:record|class|enum|interface)\\s+\\w).*");

    @Test
    void classesAndMethodsStaySmall() throws IOException {
        List<String> tooLong = new ArrayList<>();
        Map<String, Integer> measured = new TreeMap<>();
        for (Path file : javaFiles()) {
            String name = file.getFileName().toString().replace(".java", "");
            List<String> lines = List.of(codeOnly(Files.readString(file)).split("\n", -1));
            long classLines = lines.stream().filter(line -> !line.isBlank()).count();
            if (classLines > MAX_CLASS_LINES) {
                tooLong.add(name + ": " + classLines + " lines");
            }
            measureMethods(name, lines, measured);
        }
        measured.forEach((method, size) -> {
            if (size > MAX_METHOD_LINES) {
                tooLong.add(method + ": " + size + " lines");
            }
        });
        assertEquals(
                List.of(), tooLong, "over " + MAX_CLASS_LINES + " lines a class, " + MAX_METHOD_LINES + " a method");
    }

    /** Every method's lines of code, by {@code Class.method} (the longest of its overloads). */
    private static void measureMethods(String type, List<String> lines, Map<String, Integer> measured) {
        for (int i = 0; i < lines.size(); i++) {
            var declaration = DECLARATION.matcher(lines.get(i));
            if (!declaration.matches()
                    || NOT_A_DECLARATION.matcher(lines.get(i)).matches()
                    || lines.get(i).split("\\(")[0].contains("=")) {
                continue;
            }
            int depth = 0;
            boolean opened = false;
            int code = 0;
            for (int j = i; j < lines.size(); j++) {
                String line = lines.get(j);
                if (!line.isBlank()) {
                    code++;
                }
                for (char c : line.toCharArray()) {
                    if (c == '{') {
                        depth++;
                        opened = true;
                    } else if (c == '}') {
                        depth--;
                    }
                }
                if (!opened && line.strip().endsWith(";") || opened && depth <= 0) {
                    break;
                }
            }
            if (opened) {
                measured.merge(type + "." + declaration.group(1), code, Math::max);
            }
        }
    }

    /** The source with comments removed and string and character literals emptied; lines kept. */
    static String codeOnly(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3) + 3;
                code.append("\"\"").append("\n".repeat(newlines(source, i, end)));
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                code.append(c).append(c);
                i = end + 1;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2) + 2;
                code.append("\n".repeat(newlines(source, i, end)));
                i = end;
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    private static int newlines(String source, int from, int to) {
        return (int) source.substring(from, to).chars().filter(ch -> ch == '\n').count();
    }

    private static List<Path> javaFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : SOURCES) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
            }
        }
        return files;
    }
}
