package dev.isr.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** The single-node server's log, read from an offset taken before a test's action: what the action made it log. */
final class ServerLog {

    private ServerLog() {}

    /** Where the log ends now. */
    static long end() throws IOException {
        return Files.size(TargetServer.current().serverLog());
    }

    /** What was logged after {@code offset}; the whole log if it was rotated since. */
    static String since(long offset) throws IOException {
        byte[] all = Files.readAllBytes(TargetServer.current().serverLog());
        return offset <= all.length
                ? new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8)
                : new String(all, StandardCharsets.UTF_8);
    }
}
