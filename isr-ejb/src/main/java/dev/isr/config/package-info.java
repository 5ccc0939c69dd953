/**
 * Reads the MicroProfile Config keys that {@link dev.isr.core.ConfigKey} declares into the immutable
 * {@link dev.isr.core.IsrConfig}, and produces the shared core objects and the clock for CDI.
 *
 * <p><b>Internal.</b> Not part of the public API ({@code dev.isr.api}, and the header fields, configuration keys and
 * admin endpoints of docs/contract.md): it may change in any release.
 */
package dev.isr.config;
