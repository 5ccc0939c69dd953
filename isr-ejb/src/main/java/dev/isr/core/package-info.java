/**
 * The HTTP caching rules of ISR as plain Java: directive parsing, freshness, cache keys, storability and the
 * {@code Cache-Status} value.
 *
 * <p>Nothing in this package imports {@code jakarta.*} or Infinispan: every rule of RFC 9111, 5861, 9211 and 9213
 * that the module follows can be tested here without a container. Time is always a parameter ({@link
 * java.time.Instant} {@code now}); nothing reads the wall clock. All types are immutable and thread-safe unless their
 * Javadoc says otherwise. Parameters, return values and record components are non-null unless annotated {@code @Nullable} (JSpecify: the package is {@code @NullMarked}).
 *
 * <p>The external contract these rules implement (headers, admin API, configuration keys) is docs/contract.md in the
 * repository; what a shared cache must never do, and which class guarantees it, is docs/security.md.
 *
 * <p><b>Internal.</b> Not part of the public API ({@code dev.isr.api}, and the header fields, configuration keys and
 * admin endpoints of docs/contract.md): it may change in any release.
 */
@NullMarked
package dev.isr.core;

import org.jspecify.annotations.NullMarked;
