package org.example.cachetests;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The suite's origin at the root of the web module ({@code /cache-tests}): config/, test/ and state/. */
@ApplicationPath("/")
public class OriginApplication extends Application {
}
