/**
 * The fast lane on WildFly: an Undertow handler in front of servlet dispatch that answers hits from the cache, decided
 * by the same {@link dev.isr.core.FrontDoor} as the Servlet filter of {@code dev.isr.jaxrs}, which handles everything
 * else. Container glue only.
 *
 * <p><b>Internal.</b> Not part of the public API ({@code dev.isr.api}, and the header fields, configuration keys and
 * admin endpoints of docs/contract.md): it may change in any release.
 */
package dev.isr.undertow;
