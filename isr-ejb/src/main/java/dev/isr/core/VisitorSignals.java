package dev.isr.core;

/**
 * What the container knows about a render that the response header fields do not say: signs that the page was
 * rendered for one visitor. Read from the Servlet request and response after the application ran.
 *
 * @param session the request created or joined an {@code HttpSession}
 * @param principal the request ran with an authenticated caller
 * @param setCookie the Servlet response carries {@code Set-Cookie} (added through the Servlet API, which the JAX-RS
 *     response fields do not show)
 */
public record VisitorSignals(boolean session, boolean principal, boolean setCookie) {

    public static final VisitorSignals NONE = new VisitorSignals(false, false, false);

    /** The session cookie's name unless the application names it (Servlet 6.0, section 7.1.1). */
    private static final String DEFAULT_SESSION_COOKIE = "JSESSIONID";

    /** The name of the session cookie, given the one the application configured (null or empty if none). */
    public static String sessionCookieName(String configured) {
        return configured == null || configured.isEmpty() ? DEFAULT_SESSION_COOKIE : configured;
    }

    /**
     * Whether the directives vouch for a response despite a session or a principal: {@code public} and
     * {@code visitor-independent} together.
     */
    public static boolean vouchedFor(CacheControl directives) {
        return directives.isPublic() && directives.visitorIndependent();
    }

    /**
     * Why a response with these signals must not be shared, or null if it may: {@code set-cookie} always;
     * {@code session} and {@code principal} unless the response {@code vouched} for itself ({@link #vouchedFor}).
     */
    public String veto(boolean vouched) {
        if (setCookie) {
            return "set-cookie";
        }
        if (session && !vouched) {
            return "session";
        }
        if (principal && !vouched) {
            return "principal";
        }
        return null;
    }
}
