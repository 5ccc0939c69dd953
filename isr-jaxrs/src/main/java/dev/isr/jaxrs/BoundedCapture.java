package dev.isr.jaxrs;

import dev.isr.core.CaptureBudget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Buffers a response body up to a limit, reserving each buffered byte from the node's {@link CaptureBudget}. Past
 * the limit, or when the budget has no room left, it calls {@code onOverflow} with the reason (while the response
 * headers can still change), gives its reservation back, writes what it buffered to the client and passes the rest
 * straight through.
 *
 * <p>The caller must call {@link #release()} when done with the captured body, whatever happened (an exception while
 * rendering included): the reservation is held until then. Not thread-safe: one instance per response, used by the
 * thread that writes it.
 */
final class BoundedCapture extends OutputStream {

    /** Why a body was not captured: the {@code Cache-Status} detail it is reported with. */
    enum Overflow {
        /** Larger than {@code isr.max-body-bytes}. */
        TOO_LARGE("too-large"),
        /** The node's captures in flight hold {@code isr.capture.max-bytes} already. */
        CAPTURE_BUDGET("capture-budget");

        private final String detail;

        Overflow(String detail) {
            this.detail = detail;
        }

        String detail() {
            return detail;
        }
    }

    private final int limit;
    private final CaptureBudget budget;
    private final OutputStream client;
    private final Consumer<Overflow> onOverflow;
    private ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
    private long reserved;

    BoundedCapture(int limit, CaptureBudget budget, OutputStream client, Consumer<Overflow> onOverflow) {
        this.limit = limit;
        this.budget = Objects.requireNonNull(budget, "budget");
        this.client = Objects.requireNonNull(client, "client");
        this.onOverflow = Objects.requireNonNull(onOverflow, "onOverflow");
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (buffer == null) {
            client.write(bytes, offset, length);
            return;
        }
        if ((long) buffer.size() + length > limit) {
            overflow(Overflow.TOO_LARGE);
        } else if (!budget.tryReserve(length)) {
            overflow(Overflow.CAPTURE_BUDGET);
        } else {
            reserved += length;
            buffer.write(bytes, offset, length);
            return;
        }
        client.write(bytes, offset, length);
    }

    private void overflow(Overflow reason) throws IOException {
        onOverflow.accept(reason);
        ByteArrayOutputStream buffered = buffer;
        buffer = null;
        release();
        buffered.writeTo(client);
    }

    @Override
    public void flush() throws IOException {
        if (buffer == null) {
            client.flush();
        }
        // while buffering, a flush would commit the headers before the store decision is final
    }

    @Override
    public void close() throws IOException {
        // the container closes the client stream; closing it here would cut off the buffered body
    }

    boolean overflowed() {
        return buffer == null;
    }

    /** The captured body; only meaningful when not {@link #overflowed()}. */
    byte[] toByteArray() {
        return buffer.toByteArray();
    }

    /** Gives the reserved bytes back to the budget; idempotent. */
    void release() {
        if (reserved > 0) {
            budget.release(reserved);
            reserved = 0;
        }
    }

    /** The bytes this capture holds reserved now. */
    long reserved() {
        return reserved;
    }
}
