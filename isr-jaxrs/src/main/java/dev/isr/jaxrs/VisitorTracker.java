package dev.isr.jaxrs;

import dev.isr.core.VisitorSignals;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

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
        boolean cookies = setCookie || !getHeaders("Set-Cookie").isEmpty();
        return new VisitorSignals(request.getSession(false) != null, request.getUserPrincipal() != null, cookies);
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
