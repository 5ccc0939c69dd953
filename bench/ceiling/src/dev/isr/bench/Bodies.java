package dev.isr.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The page every ceiling writes: {@code ceiling.body-bytes} bytes (default 10240) of text, built once. */
final class Bodies {

    static final byte[] PAGE = page(Integer.getInteger("ceiling.body-bytes", 10240));

    private Bodies() {
    }

    private static byte[] page(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        byte[] head = "<!doctype html><title>ceiling</title><p>".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, Math.min(head.length, size));
        return body;
    }
}
