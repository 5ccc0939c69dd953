/**
 * The fast lane on WildFly: an Undertow handler in front of servlet dispatch that answers hits from the cache, decided
 * by the same {@link dev.isr.core.FrontDoor} as the Servlet filter of {@code dev.isr.jaxrs}, which handles everything
 * else. Container glue only.
 */
package dev.isr.undertow;
