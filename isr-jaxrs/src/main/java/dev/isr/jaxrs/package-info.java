/**
 * The web edge of ISR: a Servlet filter that answers hits before JAX-RS runs, and JAX-RS filters that capture what
 * the application renders. The decisions are made by {@link dev.isr.core}; these classes only adapt requests and
 * responses to it.
 *
 * <p><b>Internal.</b> Not part of the public API ({@code dev.isr.api}, and the header fields, configuration keys and
 * admin endpoints of docs/contract.md): it may change in any release.
 */
package dev.isr.jaxrs;
