package dev.isr.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code Surrogate-Control} field of the Edge Architecture Specification 1.0 (W3C note), which reverse proxy caches
 * such as this one read instead of {@code Cache-Control}: its directives, comma-separated, each for every surrogate or,
 * with a {@code ;device} suffix, for the surrogate that announced that device token in {@code Surrogate-Capability}.
 * This module announces the device token {@link #DEVICE} ({@link #capability}).
 *
 * <p>Only {@code max-age} (its first number: {@code max-age=60+30} is 60) and {@code no-store} are read, as shared
 * freshness and as not storable; names are case-insensitive; other directives (extensions, {@code content=...}) are
 * ignored. Values that are not a plain {@code name=digits} are ignored with their directive.
 */
public final class SurrogateControl {

    public static final String FIELD = "Surrogate-Control";
    public static final String CAPABILITY_FIELD = "Surrogate-Capability";
    /** This module's device token: directives targeted {@code ;isr} are its own. */
    public static final String DEVICE = "isr";

    private SurrogateControl() {}

    /** What this cache adds to {@code Surrogate-Capability} of the requests it forwards: {@code isr="Surrogate/1.0"}. */
    public static String capability() {
        return DEVICE + "=\"Surrogate/1.0\"";
    }

    /**
     * The directives of {@code value} for the surrogate {@code device}, as {@code Cache-Control} text
     * ({@code s-maxage=60, no-store}); empty if none applies to it.
     */
    public static String directivesFor(String value, String device) {
        List<String> directives = new ArrayList<>();
        for (String member : value.split(",")) {
            String text = member.strip();
            int semicolon = text.indexOf(';');
            if (semicolon >= 0) {
                if (!text.substring(semicolon + 1).strip().equalsIgnoreCase(device)) {
                    continue; // for another surrogate
                }
                text = text.substring(0, semicolon);
            }
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.equals("no-store")) {
                directives.add("no-store");
            } else if (lower.matches("max-age=[0-9]+(\\+[0-9]+)?")) {
                int plus = lower.indexOf('+');
                directives.add("s-maxage=" + lower.substring("max-age=".length(), plus < 0 ? lower.length() : plus));
            }
        }
        return String.join(", ", directives);
    }
}
