/**
 * The Infinispan adapter: the cache manager and its sealed channel (or the server's container), the entry caches
 * and their index, purge records and their reconciliation, leases, store faults, the sweep. Failures of the caches
 * fail open ({@link dev.isr.store.FailOpen}) and are logged through {@link dev.isr.store.StoreLog} and
 * {@link dev.isr.store.EntryLog}.
 *
 * <p><b>Internal.</b> Not part of the public API ({@code dev.isr.api}, and the header fields, configuration keys and
 * admin endpoints of docs/contract.md): it may change in any release.
 */
package dev.isr.store;
