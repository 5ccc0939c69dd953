/**
 * Every purge and eager revalidation, whatever its route (admin API, webhook, {@code IsrPurge} after commit,
 * {@code IsrCache}), logged with what it selected and how many entries it touched.
 *
 * <p><b>Internal.</b> Not part of the public API ({@code dev.isr.api}, and the header fields, configuration keys and
 * admin endpoints of docs/contract.md): it may change in any release.
 */
package dev.isr.purge;
