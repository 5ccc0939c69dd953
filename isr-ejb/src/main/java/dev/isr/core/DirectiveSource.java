package dev.isr.core;

import java.util.List;

/**
 * Chooses which field carries the cache directives for this cache, following RFC 9213: the most specific targeted
 * field that is present and valid wins ({@code Isr-Cache-Control}, {@code CDN-Cache-Control}), then
 * {@code Surrogate-Control} when it has directives for this surrogate ({@link SurrogateControl}), and
 * {@code Cache-Control} is the fallback.
 *
 * <p>A targeted field that is empty, is not a Structured Field Dictionary (RFC 9651) or fails to parse is ignored as if
 * absent (RFC 9213 section 2.1); the fallback
 * {@code Cache-Control} is used as it is, malformed or not.
 */
public final class DirectiveSource {

    public static final String ISR_CACHE_CONTROL = "Isr-Cache-Control";
    public static final String CDN_CACHE_CONTROL = "CDN-Cache-Control";
    public static final String CACHE_CONTROL = "Cache-Control";

    private static final List<String> TARGETED = List.of(ISR_CACHE_CONTROL, CDN_CACHE_CONTROL);

    private DirectiveSource() {}

    /** The directives this cache obeys, and the field they came from. */
    public record Selected(String fieldName, CacheControl directives) {}

    public static Selected select(HeaderLookup headers) {
        for (String field : TARGETED) {
            String value = headers.combined(field);
            if (value == null) {
                continue;
            }
            if (!StructuredDictionary.isValid(value)) {
                continue; // not a Structured Field Dictionary: ignored whole (RFC 9213 section 2.1)
            }
            CacheControl parsed = CacheControl.parse(StructuredDictionary.withoutParameters(value));
            if (!parsed.malformed() && !parsed.isEmpty()) {
                return new Selected(field, parsed);
            }
        }
        String surrogate = headers.combined(SurrogateControl.FIELD);
        if (surrogate != null) {
            String ours = SurrogateControl.directivesFor(surrogate, SurrogateControl.DEVICE);
            if (!ours.isEmpty()) {
                return new Selected(SurrogateControl.FIELD, CacheControl.parse(ours));
            }
        }
        return new Selected(CACHE_CONTROL, CacheControl.parse(headers.combined(CACHE_CONTROL)));
    }
}
