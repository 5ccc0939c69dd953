package dev.isr.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops, when the test run ends, the servers the tests started themselves rather than through Arquillian (Payara:
 * {@link PayaraServer}); Arquillian stops the ones it started. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public class StopStartedServers implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        PayaraServer.stopStarted();
    }
}
