package org.example.shop;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The shop's pages, at the root of its context ({@code /shop}). */
@ApplicationPath("/")
public class ShopApplication extends Application {
}
