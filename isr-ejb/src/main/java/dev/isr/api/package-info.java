/**
 * What applications use directly, besides HTTP headers: the {@link dev.isr.api.Isr} annotation and the
 * request-scoped {@link dev.isr.api.IsrContext} that declare a response's cache policy in code, the
 * {@link dev.isr.api.IsrPurge} event, fired inside a transaction to purge after it commits, and the injectable
 * {@link dev.isr.api.IsrCache} service. See docs/contract.md, section 9.
 *
 * <p><b>Public API.</b> With the header fields, configuration keys and admin endpoints of docs/contract.md, the only
 * part of the module applications may rely on; a change to it is listed in CHANGELOG.md and follows semantic
 * versions from 1.0.0. Every other package is internal.
 */
@NullMarked
package dev.isr.api;

import org.jspecify.annotations.NullMarked;
