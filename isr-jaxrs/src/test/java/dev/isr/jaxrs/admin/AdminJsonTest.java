package dev.isr.jaxrs.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.core.PurgeRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The admin API's strict reading of request bodies: what each endpoint accepts, and for every body it refuses the
 * message the caller gets (it ends up in the problem's {@code detail}).
 */
class AdminJsonTest {

    @Test
    void aPurgeReadsEveryMember() {
        PurgeRequest request = AdminJson.purge(
                bytes("{\"tags\":[\"a\",\"b\",\"a\"],\"paths\":[\"/p\"],\"prefixes\":[\"/x/\"],\"soft\":true}"));
        assertEquals(List.of("a", "b"), request.tags(), "duplicates dropped, order kept");
        assertEquals(List.of("/p"), request.paths());
        assertEquals(List.of("/x/"), request.prefixes());
        assertTrue(request.soft());
        assertTrue(AdminJson.purge(bytes("{\"all\":true}")).all());
    }

    @Test
    void nullMembersAreAbsentOnes() {
        PurgeRequest request = AdminJson.purge(bytes("{\"tags\":[\"t\"],\"paths\":null,\"soft\":null}"));
        assertEquals(List.of(), request.paths());
        assertEquals(false, request.soft());
    }

    @Test
    void aWebhookIgnoresMembersItDoesNotKnow() {
        PurgeRequest request = AdminJson.webhook(bytes("{\"event\":\"entry.publish\",\"tags\":[\"book-1\"]}"));
        assertEquals(List.of("book-1"), request.tags());
    }

    static Stream<Arguments> refusedBodies() {
        Function<byte[], PurgeRequest> purge = AdminJson::purge;
        Function<byte[], PurgeRequest> revalidate = AdminJson::revalidate;
        Function<byte[], PurgeRequest> webhook = AdminJson::webhook;
        return Stream.of(
                Arguments.of("purge", purge, "", "the body is empty: a JSON object is required"),
                Arguments.of("purge", purge, "{\"tags\":", "the body is not valid JSON"),
                Arguments.of("purge", purge, "[\"tags\"]", "the body must be a JSON object, not ARRAY"),
                Arguments.of("purge", purge, "\"tags\"", "the body must be a JSON object, not STRING"),
                Arguments.of("purge", purge, "{\"tag\":[\"a\"]}", "unknown member \"tag\""),
                Arguments.of("purge", purge, "{\"tags\":\"a\"}", "\"tags\" must be an array of strings"),
                Arguments.of("purge", purge, "{\"tags\":[1]}", "\"tags\" must contain strings only"),
                Arguments.of("purge", purge, "{\"tags\":[null]}", "\"tags\" must contain strings only"),
                Arguments.of("purge", purge, "{\"all\":\"yes\"}", "\"all\" must be true or false"),
                Arguments.of("purge", purge, "{\"soft\":1,\"tags\":[\"a\"]}", "\"soft\" must be true or false"),
                Arguments.of("purge", purge, "{}", "nothing to purge"),
                Arguments.of("purge", purge, "{\"tags\":[\"a b\"]}", "invalid tag"),
                Arguments.of("purge", purge, "{\"paths\":[\"no-slash\"]}", "invalid path"),
                Arguments.of("purge", purge, "{\"prefixes\":[\"/caf\u00e9\"]}", "invalid prefix (raw"),
                Arguments.of("purge", purge, "{\"tags\":" + manyTags(1001) + "}", "\"tags\" has more than 1000"),
                Arguments.of("revalidate", revalidate, "{\"all\":true}", "unknown member \"all\""),
                Arguments.of("revalidate", revalidate, "{\"prefixes\":[\"/\"]}", "unknown member \"prefixes\""),
                Arguments.of("webhook", webhook, "{\"tags\":\"book-1\"}", "\"tags\" must be an array of strings"),
                Arguments.of("webhook", webhook, "{\"event\":\"ping\"}", "nothing to purge"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("refusedBodies")
    void aRefusedBodySaysWhatToFix(String endpoint, Function<byte[], PurgeRequest> read, String body, String message) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> read.apply(bytes(body)));
        assertTrue(refused.getMessage().startsWith(message), endpoint + ": " + refused.getMessage());
    }

    @Test
    void aBodyPastTheLimitIsRefusedBeforeItIsParsed() throws Exception {
        byte[] limit = new byte[AdminJson.MAX_BODY_BYTES];
        assertEquals(AdminJson.MAX_BODY_BYTES, AdminJson.readBody(new ByteArrayInputStream(limit)).length);
        byte[] over = new byte[AdminJson.MAX_BODY_BYTES + 1];
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> AdminJson.readBody(new ByteArrayInputStream(over)));
        assertEquals("the body is larger than 65536 bytes", refused.getMessage());
    }

    @Test
    void anUnknownMemberIsShownEscaped() {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> AdminJson.purge(bytes("{\"x\\u0000\\n\":1}")));
        assertTrue(
                !refused.getMessage().contains("\n") && !refused.getMessage().contains("\u0000"), refused.getMessage());
    }

    private static String manyTags(int count) {
        return Stream.iterate(0, i -> i + 1)
                .limit(count)
                .map(i -> "\"t" + i + "\"")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
