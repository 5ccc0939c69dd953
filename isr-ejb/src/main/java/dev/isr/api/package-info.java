/**
 * What applications use directly, besides HTTP headers: the {@link dev.isr.api.IsrPurge} event, fired inside a
 * transaction to purge after it commits, and the injectable {@link dev.isr.api.IsrCache} service.
 */
package dev.isr.api;
