package dev.isr.jaxrs;

import jakarta.ws.rs.ext.RuntimeDelegate;
import jakarta.ws.rs.ext.RuntimeDelegate.HeaderDelegate;

/** Turns the header objects of a JAX-RS response (MediaType, Date, URI, ...) into their field values. */
final class HeaderValues {

    private HeaderValues() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static String toString(Object value) {
        if (value instanceof String string) {
            return string;
        }
        try {
            HeaderDelegate delegate = RuntimeDelegate.getInstance().createHeaderDelegate(value.getClass());
            if (delegate != null) {
                return delegate.toString(value);
            }
        } catch (IllegalArgumentException e) {
            // no delegate for this type: its toString is the field value, as JAX-RS itself does
        }
        return value.toString();
    }
}
