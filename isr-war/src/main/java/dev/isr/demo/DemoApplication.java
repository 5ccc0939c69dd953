package dev.isr.demo;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All demo pages are JAX-RS resources at the root of the site. */
@ApplicationPath("/")
public class DemoApplication extends Application {}
