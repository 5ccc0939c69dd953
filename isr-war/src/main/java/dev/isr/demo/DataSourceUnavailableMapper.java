package dev.isr.demo;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A failing data source is a 503 page that must not be cached; the ISR module may answer with a stale page instead. */
@Provider
public class DataSourceUnavailableMapper implements ExceptionMapper<DataSourceUnavailable> {

    @Override
    public Response toResponse(DataSourceUnavailable exception) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.TEXT_HTML + ";charset=utf-8")
                .header("Cache-Control", "no-store")
                .entity(Html.page("Unavailable", "<h1>The catalogue is unavailable</h1><p>Try again shortly.</p>"))
                .build();
    }
}
