/**
 * The web edge of ISR: a Servlet filter that answers hits before JAX-RS runs, and JAX-RS filters that capture what
 * the application renders. The decisions are made by {@link dev.isr.core}; these classes only adapt requests and
 * responses to it.
 */
package dev.isr.jaxrs;
