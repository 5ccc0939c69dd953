/**
 * Background and eager revalidation over HTTP to this node's own listener, authenticated by a per-node token,
 * bounded in time and in number, collapsed to one per key across the cluster by a lease.
 *
 * <p><b>Internal.</b> Not part of the public API ({@code dev.isr.api}, and the header fields, configuration keys and
 * admin endpoints of docs/contract.md): it may change in any release.
 */
package dev.isr.revalidation;
