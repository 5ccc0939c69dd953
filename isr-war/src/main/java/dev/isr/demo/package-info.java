/**
 * The demo site: a bookshelf whose pages take a deliberately long time to render, so that a person (and the
 * integration tests) can watch the ISR module serve them from its cache. It uses the module only through HTTP headers.
 */
package dev.isr.demo;
