/**
 * The admin API of the contract, section 6: purge, revalidate, entries, stats and the signed webhook, as a JAX-RS
 * resource at {@code isr} under the application's JAX-RS root. Input is parsed strictly by hand-written JSON-P code so
 * that every malformed body gets a precise RFC 9457 problem and changes nothing.
 */
package dev.isr.jaxrs.admin;
