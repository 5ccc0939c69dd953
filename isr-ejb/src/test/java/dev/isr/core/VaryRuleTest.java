package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Isr-Vary (the Netlify-Vary grammar) and the standard Vary as secondary keys. */
class VaryRuleTest {

    private final CacheKeyFactory keys = new CacheKeyFactory(IsrConfig.DEFAULT_IGNORED_QUERY_PARAMS);

    private static HeaderLookup request(Map<String, String> fields) {
        return name -> fields.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .toList();
    }

    @ParameterizedTest(name = "[{index}] Isr-Vary: {0} / Vary: {1} -> {2}")
    @CsvSource(delimiter = '#', nullValues = "-", textBlock = """
            -                              # -                       # *;;
            query                          # -                       # *;;
            query=page|sort                # -                       # page,sort;;
            'query=sort|page, query=q'     # -                       # page,q,sort;;
            query=                         # -                       # ;;
            cookie=ab_test|locale          # -                       # *;ab_test,locale;
            header=Accept-Language         # -                       # *;;accept-language
            -                              # Accept-Language, Origin # *;;accept-language,origin
            'query=page, header=X-Device'  # Accept-Encoding         # page;;accept-encoding,x-device
            """)
    void parses(String isrVary, String vary, String expected) {
        VaryRule rule = VaryRule.parse(isrVary, vary);
        String[] parts = expected.split(";", -1);
        assertEquals(parts[0].equals("*") ? null : split(parts[0]), rule.queryParams(), "query");
        assertEquals(split(parts[1]), rule.cookies(), "cookies");
        assertEquals(split(parts[2]), rule.headers(), "headers");
    }

    private static List<String> split(String names) {
        return names.isEmpty() ? List.of() : List.of(names.split(","));
    }

    @ParameterizedTest(name = "[{index}] {0} is malformed")
    @ValueSource(
            strings = {
                "language=en|de",
                "country=de",
                "cookie",
                "cookie=",
                "header=",
                "header=Bad Name",
                "cookie=a;b",
                "query=a b"
            })
    void malformedIsrVary(String isrVary) {
        assertNull(VaryRule.parse(isrVary, null));
    }

    @Test
    void varyStarAndTooManyNamesAreRefused() {
        assertNull(VaryRule.parse(null, "*"));
        assertNull(VaryRule.parse(null, "Accept, *"));
        String many = String.join(
                "|",
                java.util.stream.IntStream.range(0, VaryRule.MAX_NAMES + 1)
                        .mapToObj(i -> "p" + i)
                        .toList());
        assertNull(VaryRule.parse("query=" + many, null));
    }

    @Test
    void defaultRuleKeysByPathAndNormalizedQuery() {
        CacheKey key = VaryRule.DEFAULT.keyFor(
                keys, new RequestTarget("", "/p", "b=2&a=1&utm_source=x"), request(Map.of("Cookie", "a=1")));
        assertEquals("/p?a=1&b=2", key.value());
    }

    @Test
    void cookieAndHeaderValuesSelectTheVariant() {
        VaryRule rule = VaryRule.parse("cookie=ab", "Accept-Language");
        CacheKey en = rule.keyFor(
                keys,
                new RequestTarget("", "/p", null),
                request(Map.of("Cookie", "x=1; ab=blue", "Accept-Language", "en")));
        CacheKey de = rule.keyFor(
                keys, new RequestTarget("", "/p", null), request(Map.of("Cookie", "ab=blue", "Accept-Language", "de")));
        CacheKey none = rule.keyFor(keys, new RequestTarget("", "/p", null), request(Map.of()));
        assertEquals("/p#c:ab=blue&h:accept-language=en", en.value());
        assertNotEquals(en, de);
        assertEquals("/p#c:ab&h:accept-language", none.value(), "absent differs from empty");
        assertEquals("/p", CacheKey.pathOf(en.value()));
    }

    @Test
    void hostileValuesCannotForgeAnotherVariant() {
        VaryRule rule = VaryRule.parse("header=X-A|X-B", null);
        CacheKey forged = rule.keyFor(keys, new RequestTarget("", "/p", null), request(Map.of("X-A", "1&h:x-b=2")));
        CacheKey real = rule.keyFor(keys, new RequestTarget("", "/p", null), request(Map.of("X-A", "1", "X-B", "2")));
        assertNotEquals(forged, real);
    }

    @Test
    void replayFieldsReproduceTheVariant() {
        VaryRule rule = VaryRule.parse("cookie=ab", "Accept-Language");
        HeaderLookup original = request(Map.of("Cookie", "session=secret; ab=blue", "Accept-Language", "de"));
        List<Header> replay = rule.requestFieldsToReplay(original);
        assertEquals(
                List.of(new Header("Cookie", "ab=blue"), new Header("accept-language", "de")),
                replay,
                "only the named cookie: the session cookie is never replayed");
        HeaderLookup replayed = name -> replay.stream()
                .filter(h -> h.name().equalsIgnoreCase(name))
                .map(Header::value)
                .toList();
        assertEquals(
                rule.keyFor(keys, new RequestTarget("", "/p", null), original),
                rule.keyFor(keys, new RequestTarget("", "/p", null), replayed));
        assertTrue(VaryRule.DEFAULT.requestFieldsToReplay(original).isEmpty());
    }
}
