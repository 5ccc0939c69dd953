/**
 * MicroProfile Health checks of the module (contract section 8). Packaged apart, as the EJB client jar in the EAR's
 * {@code lib/}: WildFly's MicroProfile Health finds checks in an EAR's libraries but not in its EJB or web modules.
 * Libraries cannot see the EJB module, so the cache reports its state to {@link dev.isr.health.IsrHealth}, a bean of
 * this package, rather than the checks asking the cache.
 */
package dev.isr.health;
