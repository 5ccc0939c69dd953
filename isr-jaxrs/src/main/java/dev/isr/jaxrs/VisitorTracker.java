package dev.isr.jaxrs;

import dev.isr.core.VisitorSignals;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.util.Collection;

/**
 * The Servlet response of a render whose result may be stored, noting what the JAX-RS response fields do not show:
 * cookies set through the Servlet API, and (read from the request when asked) a session or an authenticated caller.
 * The capture filter asks it for {@link VisitorSignals} before storing.
 */
final class VisitorTracker extends HttpServletResponseWrapper {

    /** The request attribute under which the tracker of a render is found. */
    static final String ATTRIBUTE = "dev.isr.visitor-tracker";

    private final HttpServletRequest request;
    private volatile boolean setCookie;

    VisitorTracker(HttpServletRequest request, HttpServletResponse response) {
        super(response);
        this.request = request;
        request.setAttribute(ATTRIBUTE, this);
    }

    /** What the render did so far that marks it as one visitor's. */
    VisitorSignals signals() {
        HttpSession session = request.getSession(false);
        boolean cookies = setCookie || containerSetCookie(session);
        return new VisitorSignals(session != null, request.getUserPrincipal() != null, cookies);
    }

    /**
     * Whether the container added a {@code Set-Cookie} field beneath this wrapper, other than the cookie of the
     * session the render has. Why the session cookie is left out: Payara adds it as a field the moment a session is
     * created, where WildFly adds it only when the response is committed. It is the session signal already, which
     * keeps the response from being shared unless it vouched for itself; {@code Set-Cookie} is never stored.
     */
    private boolean containerSetCookie(HttpSession session) {
        Collection<String> fields = getHeaders("Set-Cookie");
        if (session == null) {
            return !fields.isEmpty();
        }
        String name = VisitorSignals.sessionCookieName(
                request.getServletContext().getSessionCookieConfig().getName());
        String id = session.getId();
        return fields.stream().anyMatch(field -> !isSessionCookie(field, name, id));
    }

    /**
     * Whether the {@code Set-Cookie} field sets the session cookie {@code name} to the session {@code id}, or to the
     * id with a server's {@code .route} suffix. Cookie names are case-sensitive (RFC 6265, section 4.1.1).
     */
    static boolean isSessionCookie(String field, String name, String id) {
        String prefix = name + "=" + id;
        if (!field.startsWith(prefix)) {
            return false;
        }
        int end = prefix.length();
        return end == field.length() || field.charAt(end) == ';' || field.charAt(end) == '.';
    }

    @Override
    public void addCookie(Cookie cookie) {
        setCookie = true;
        super.addCookie(cookie);
    }

    @Override
    public void setHeader(String name, String value) {
        note(name);
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        note(name);
        super.addHeader(name, value);
    }

    private void note(String name) {
        if ("Set-Cookie".equalsIgnoreCase(name)) {
            setCookie = true;
        }
    }
}
