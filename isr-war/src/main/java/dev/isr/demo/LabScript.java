package dev.isr.demo;

import java.util.Map;

/**
 * What a lab page answers: status, cache-related header fields, a render delay, an optional read of the bookshelf
 * (which fails while the data source is switched to fail), a scripted exception, and a body size.
 */
public record LabScript(int status, Map<String, String> headers, long delayMs, boolean readsBookshelf, boolean fail,
        int bodyBytes) {

    static final LabScript PLAIN = new LabScript(200, Map.of(), 0, false, false, 0);

    public LabScript {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        status = status == 0 ? 200 : status;
    }
}
