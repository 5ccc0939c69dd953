package dev.isr.jaxrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.core.CaptureBudget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The body buffer of a capture: within both limits it keeps the body, past either it streams through unstored. */
class BoundedCaptureTest {

    private final ByteArrayOutputStream client = new ByteArrayOutputStream();
    private final List<BoundedCapture.Overflow> overflows = new ArrayList<>();

    private BoundedCapture capture(int limit, CaptureBudget budget) {
        return new BoundedCapture(limit, budget, client, overflows::add);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void bodyWithinBothLimitsIsBufferedAndReservedUntilReleased() throws IOException {
        CaptureBudget budget = new CaptureBudget(100);
        BoundedCapture capture = capture(10, budget);
        capture.write(bytes("hello"));
        capture.write('!');
        capture.flush();
        assertFalse(capture.overflowed());
        assertEquals(0, client.size(), "nothing reaches the client before the store decision");
        assertArrayEquals(bytes("hello!"), capture.toByteArray());
        assertEquals(6, budget.bytesInFlight());
        capture.release();
        capture.release();
        assertEquals(0, budget.bytesInFlight(), "released once, however often called");
        assertEquals(List.of(), overflows);
    }

    @Test
    void bodyOverTheBodyLimitIsTooLargeAndStreamsThrough() throws IOException {
        CaptureBudget budget = new CaptureBudget(100);
        BoundedCapture capture = capture(8, budget);
        capture.write(bytes("hello "));
        capture.write(bytes("world"));
        capture.write(bytes("!"));
        assertTrue(capture.overflowed());
        assertEquals(List.of(BoundedCapture.Overflow.TOO_LARGE), overflows);
        assertEquals("hello world!", client.toString(StandardCharsets.US_ASCII));
        assertEquals(0, budget.bytesInFlight(), "an overflow gives its reservation back at once");
    }

    @Test
    void bodyThatFindsTheBudgetUsedUpOverflowsAsCaptureBudget() throws IOException {
        CaptureBudget budget = new CaptureBudget(10);
        assertTrue(budget.tryReserve(6)); // another response being captured
        BoundedCapture capture = capture(1000, budget);
        capture.write(bytes("abc"));
        capture.write(bytes("defg"));
        assertTrue(capture.overflowed());
        assertEquals(List.of(BoundedCapture.Overflow.CAPTURE_BUDGET), overflows);
        assertEquals("capture-budget", overflows.get(0).detail());
        assertEquals("abcdefg", client.toString(StandardCharsets.US_ASCII));
        assertEquals(6, budget.bytesInFlight(), "only the other capture's bytes remain");
    }

    @Test
    void releaseAfterAFailedRenderGivesTheBytesBack() throws IOException {
        CaptureBudget budget = new CaptureBudget(100);
        BoundedCapture capture = capture(100, budget);
        try {
            capture.write(bytes("partial"));
            throw new IllegalStateException("the render failed");
        } catch (IllegalStateException expected) {
            // as ResponseCapture does in its finally block
        } finally {
            capture.release();
        }
        assertEquals(0, budget.bytesInFlight());
    }
}
