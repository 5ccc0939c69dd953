/**
 * The admin API of the contract, section 6: purge, revalidate, entries, stats and the signed webhook, as a JAX-RS
 * resource at {@code isr} under the application's JAX-RS root. Input is parsed strictly by hand-written JSON-P code so
 * that every malformed body gets a precise RFC 9457 problem and changes nothing.
 *
 * <p><b>Internal.</b> Not part of the public API ({@code dev.isr.api}, and the header fields, configuration keys and
 * admin endpoints of docs/contract.md): it may change in any release.
 */
package dev.isr.jaxrs.admin;
