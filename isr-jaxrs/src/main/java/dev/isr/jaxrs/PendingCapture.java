package dev.isr.jaxrs;

import dev.isr.core.CaptureDecision;
import dev.isr.core.Lookup;
import dev.isr.core.ResponseAge;
import java.time.Duration;

/**
 * A response that will be stored once its body has been captured; {@code initialAge} is its age when the application
 * handed it over ({@link ResponseAge}), {@code visitor} what the Servlet response showed of sessions and cookies (null
 * when it was not watched).
 */
record PendingCapture(
        Lookup.Forward lookup, CaptureDecision.Store store, int status, VisitorTracker visitor, Duration initialAge) {}
