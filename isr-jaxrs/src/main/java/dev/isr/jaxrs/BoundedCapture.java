package dev.isr.jaxrs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Buffers a response body up to a limit. Past the limit it calls {@code onOverflow} (while the response headers can
 * still change), writes what it buffered to the client and passes the rest straight through.
 *
 * <p>Not thread-safe: one instance per response, used by the thread that writes it.
 */
final class BoundedCapture extends OutputStream {

    private final int limit;
    private final OutputStream client;
    private final Runnable onOverflow;
    private ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);

    BoundedCapture(int limit, OutputStream client, Runnable onOverflow) {
        this.limit = limit;
        this.client = client;
        this.onOverflow = onOverflow;
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
            onOverflow.run();
            buffer.writeTo(client);
            buffer = null;
            client.write(bytes, offset, length);
            return;
        }
        buffer.write(bytes, offset, length);
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
}
