/**
 * MicroProfile Health checks of the module (contract section 8). Packaged apart, as the EJB client jar in the EAR's
 * {@code lib/}: WildFly's MicroProfile Health finds checks in an EAR's libraries but not in its EJB or web modules.
 * Libraries cannot see the EJB module, so the cache reports its state to {@link dev.isr.health.IsrHealth}, a bean of
 * this package, rather than the checks asking the cache.
 *
 * <p><b>Internal.</b> Not part of the public API ({@code dev.isr.api}, and the header fields, configuration keys and
 * admin endpoints of docs/contract.md): it may change in any release.
 */
package dev.isr.health;
