package dev.isr.demo;

/** The demo's data source is switched to fail. */
public class DataSourceUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DataSourceUnavailable() {
        super("the bookshelf data source is switched to fail");
    }
}
