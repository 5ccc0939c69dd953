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

    /**
     * Why a response with these signals must not be shared, or null if it may: {@code set-cookie} always;
     * {@code session} and {@code principal} unless the response opts in with {@code public} and
     * {@code visitor-independent}.
     */
    public String veto(CacheControl directives) {
        if (setCookie) {
            return "set-cookie";
        }
        boolean vouched = directives.isPublic() && directives.visitorIndependent();
        if (session && !vouched) {
            return "session";
        }
        if (principal && !vouched) {
            return "principal";
        }
        return null;
    }
}
