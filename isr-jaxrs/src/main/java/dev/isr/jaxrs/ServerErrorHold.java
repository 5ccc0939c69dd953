package dev.isr.jaxrs;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The Servlet response of a render that a stale entry may answer instead of a server error ({@code stale-if-error}):
 * {@code sendError} with a 5xx status is held back instead of committed, so that the front door can still answer with
 * the stale entry. Why: Jersey (Payara) sends a 500 error for an exception no mapper handles before it rethrows the
 * exception, and the container commits that error page before the front door sees the exception.
 */
final class ServerErrorHold extends HttpServletResponseWrapper {

    private volatile int heldStatus;

    ServerErrorHold(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void sendError(int status) throws IOException {
        if (!hold(status)) {
            super.sendError(status);
        }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        if (!hold(status)) {
            super.sendError(status, message);
        }
    }

    private boolean hold(int status) {
        if (status >= 500 && !isCommitted()) {
            heldStatus = status;
            return true;
        }
        return false;
    }

    /** The 5xx status of the {@code sendError} held back, or 0 if none was. */
    int heldStatus() {
        return heldStatus;
    }
}
