package dev.isr.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code curl} examples of a document and the JSON answers they show, so that a test can send the same requests
 * and compare the answers' shapes ({@link #shape}): docs that cannot drift from what the code answers.
 */
final class DocumentedExamples {

    /** One example: the request a {@code curl} line sends, and the answer printed under it. */
    record Example(String method, String target, String body, String answer) {}

    private static final Pattern BLOCK = Pattern.compile("```\\n(curl .*?)```", Pattern.DOTALL);
    private static final Pattern TARGET = Pattern.compile("'?http://127\\.0\\.0\\.1:8080(/[^ ']*)'?");
    private static final Pattern BODY = Pattern.compile(" -d '([^']*)'");

    private DocumentedExamples() {}

    /** Every example of {@code document} whose answer is JSON and whose request needs only the admin token. */
    static List<Example> in(Path document) throws IOException {
        List<Example> examples = new ArrayList<>();
        Matcher block = BLOCK.matcher(Files.readString(document));
        while (block.find()) {
            String text = block.group(1);
            int answer = text.indexOf("\n{");
            if (answer < 0 || text.contains("Isr-Signature")) {
                continue; // no JSON answer, or a webhook (signed anew for each call)
            }
            String request = text.substring(0, answer).replace("\\\n", " ");
            Matcher target = TARGET.matcher(request);
            if (!target.find()) {
                throw new IllegalStateException("a curl example without a URL of the demo: " + request);
            }
            Matcher body = BODY.matcher(request);
            String json = body.find() ? body.group(1) : null;
            examples.add(new Example(
                    request.contains("-X POST") ? "POST" : "GET",
                    target.group(1),
                    json,
                    text.substring(answer + 1).replace("\n", "").strip()));
        }
        return examples;
    }

    /**
     * The shape of a JSON text: member names in order and value types, an array by its first element ({@code n}
     * number, {@code s} string, {@code b} boolean), so that counts and times may differ but not the members.
     */
    static String shape(String json) {
        return shape(Json.createReader(new StringReader(json)).readValue());
    }

    private static String shape(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT ->
                ((JsonObject) value)
                        .entrySet().stream()
                                .map(m -> m.getKey() + ":" + shape(m.getValue()))
                                .collect(Collectors.joining(",", "{", "}"));
            case ARRAY -> ((JsonArray) value).isEmpty() ? "[]" : "[" + shape(((JsonArray) value).get(0)) + "]";
            case NUMBER -> "n";
            case STRING -> "s";
            case TRUE, FALSE -> "b";
            case NULL -> "null";
        };
    }
}
