package org.example.cachetests;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.ws.rs.HttpMethod;

/** The extension method the suite's invalidation tests send besides POST, PUT and DELETE. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@HttpMethod("M-SEARCH")
public @interface MSEARCH {
}
