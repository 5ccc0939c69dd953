package dev.isr.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/using.md honest: every Java and XML sample in it is copied from the sample application (src-it/sample),
 * which the build compiles and SampleAppIT deploys. Indentation may differ; nothing else.
 */
class GuideSamplesTest {

    private static final Path GUIDE = Path.of("..", "docs", "using.md");
    private static final Path SAMPLE = Path.of("sample");
    private static final Pattern CODE = Pattern.compile("```(?:java|xml)\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyCodeSampleOfTheGuideIsInTheSampleApplication() throws IOException {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                sources.add(stripIndentation(Files.readString(file)));
            }
        }
        Matcher block = CODE.matcher(Files.readString(GUIDE));
        int samples = 0;
        while (block.find()) {
            String sample = stripIndentation(block.group(1));
            assertTrue(
                    sources.stream().anyMatch(source -> source.contains(sample)),
                    "not in src-it/sample, copy it from there:\n" + block.group(1));
            samples++;
        }
        assertFalse(samples == 0, "no Java or XML samples found in " + GUIDE);
    }

    private static String stripIndentation(String text) {
        return text.strip().lines().map(String::strip).collect(Collectors.joining("\n"));
    }
}
