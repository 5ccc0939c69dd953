package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated input through the core (issue 15, part 1): header values an application or a client can send, 2,000 of
 * each kind (12,000 in all), mixing the directives, tags and names the module knows with quotes, commas, control
 * characters, non-ASCII and junk. No exception but the documented {@code IllegalArgumentException} escapes; nothing is
 * stored that {@code private}, {@code no-store} or {@code Set-Cookie} forbid (an oracle independent of the parser);
 * keys are canonical (parameter order and ignored parameters do not matter) and different queries never share one.
 */
class FuzzedInputTest {

    private static final List<String> DIRECTIVES = List.of(
            "public",
            "private",
            "no-store",
            "no-cache",
            "s-maxage=60",
            "max-age=30",
            "must-revalidate",
            "proxy-revalidate",
            "stale-while-revalidate=10",
            "stale-if-error=60",
            "must-understand",
            "private=\"set-cookie\"",
            "no-store=1",
            "max-age=\"5\"",
            "s-maxage=-1",
            "max-age=99999999999999999999",
            "immutable",
            "no-transform");

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.strings()
                .withChars("\"\\,;= \t\u0000\u007f\u00e9\u4e2d\ud83d\ude00-_:/?#[]@!$&'()*+.|~")
                .alpha()
                .numeric()
                .ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> fieldValues() {
        Arbitrary<String> directive = Arbitraries.oneOf(
                Arbitraries.of(DIRECTIVES), junk(), Arbitraries.of(DIRECTIVES).map(d -> d.toUpperCase(Locale.ROOT)));
        return Combinators.combine(directive.list().ofMaxSize(6), Arbitraries.of(", ", ",", " , ", ";", ",,"))
                .as((parts, separator) -> String.join(separator, parts));
    }

    private static HeaderLookup only(String name, String value) {
        return field -> field.equalsIgnoreCase(name) ? List.of(value) : List.of();
    }

    @Property(tries = 2000)
    void anyCacheControlParses(@ForAll("fieldValues") String value) {
        assertNotNull(CacheControl.parse(value));
        StructuredDictionary.isValid(value);
        SurrogateControl.directivesFor(value, "isr");
    }

    /** The oracle: a directive named {@code private} or {@code no-store}, read the simplest way RFC 9111 allows. */
    private static boolean forbidsStoring(String cacheControl) {
        boolean mustUnderstand = false;
        boolean isPrivate = false;
        boolean noStore = false;
        for (String directive : cacheControl.split(",")) {
            String name = directive.split("=", 2)[0].trim().toLowerCase(Locale.ROOT);
            isPrivate |= name.equals("private");
            noStore |= name.equals("no-store");
            mustUnderstand |= name.equals("must-understand"); // with it, no-store yields to an understood status
        }
        return isPrivate || noStore && !mustUnderstand;
    }

    @Property(tries = 2000)
    void nothingPrivateOrNoStoreIsStored(@ForAll("fieldValues") String cacheControl) {
        if (cacheControl.contains(";") || cacheControl.contains("\"")) {
            return; // a separator or a quoted string the oracle would read differently from RFC 9110's grammar
        }
        StoreDecision decision = new ResponseStorability(IsrConfig.DEFAULT_STORABLE_STATUSES, false)
                .assess("GET", false, 200, only("Cache-Control", cacheControl));
        if (forbidsStoring(cacheControl)) {
            assertInstanceOf(StoreDecision.Bypass.class, decision, cacheControl);
        }
    }

    @Property(tries = 2000)
    void aResponseWithSetCookieIsNeverStored(
            @ForAll("fieldValues") String cacheControl, @ForAll("junk") String cookie) {
        HeaderLookup response = field -> field.equalsIgnoreCase("Cache-Control")
                ? List.of(cacheControl)
                : field.equalsIgnoreCase("Set-Cookie") ? List.of("id=" + cookie) : List.of();
        assertInstanceOf(
                StoreDecision.Bypass.class,
                new ResponseStorability(IsrConfig.DEFAULT_STORABLE_STATUSES, false)
                        .assess("GET", false, 200, response));
    }

    @Property(tries = 2000)
    void tagsAreAcceptedOnlyWhenValidAndVaryParsesOrRefusesClearly(
            @ForAll("fieldValues") String value, @ForAll("junk") String other) {
        Tags.Parsed tags = Tags.of(only("Cache-Tag", value + "," + other));
        tags.accepted().forEach(tag -> assertTrue(Tags.isValid(tag), tag));
        try {
            VaryRule.parse(value, other);
        } catch (IllegalArgumentException expected) {
            assertNotNull(expected.getMessage());
        }
    }

    @Property(tries = 2000)
    void aCanonicalPathIsItsOwnCanonicalForm(@ForAll("junk") String segment, @ForAll("junk") String rest) {
        String canonical = CanonicalPath.of("/" + segment + "/" + rest);
        if (canonical != null) {
            assertEquals(canonical, CanonicalPath.of(canonical));
            assertTrue(canonical.startsWith("/"), canonical);
        }
    }

    @Provide
    Arbitrary<List<String>> params() {
        Arbitrary<String> name =
                Arbitraries.strings().withCharRange('a', 'f').ofMinLength(1).ofMaxLength(3);
        Arbitrary<String> value = Arbitraries.strings().withChars("abc%20+=").ofMaxLength(4);
        return Combinators.combine(name, value).as((n, v) -> n + "=" + v).list().ofMaxSize(6);
    }

    @Property(tries = 2000)
    void keysIgnoreOrderAndTrackingButNeverMergeDifferentQueries(
            @ForAll("params") List<String> params, @ForAll("params") List<String> others, @ForAll long seed) {
        CacheKeyFactory keys = new CacheKeyFactory(IsrConfig.DEFAULT_IGNORED_QUERY_PARAMS);
        List<String> shuffled = new ArrayList<>(params);
        Collections.shuffle(shuffled, new Random(seed));
        shuffled.add("utm_source=fuzz");
        CacheKey key = keys.keyFor(new RequestTarget("https://a.test", "/p", String.join("&", params)));
        assertEquals(key, keys.keyFor(new RequestTarget("https://a.test", "/p", String.join("&", shuffled))));
        List<String> sortedParams = params.stream().sorted().toList();
        List<String> sortedOthers = others.stream().sorted().toList();
        CacheKey other = keys.keyFor(new RequestTarget("https://a.test", "/p", String.join("&", others)));
        if (!sortedParams.equals(sortedOthers)) {
            assertNotEquals(key, other, params + " vs " + others);
        }
        assertNotEquals(key, keys.keyFor(new RequestTarget("https://b.test", "/p", String.join("&", params))));
    }
}
