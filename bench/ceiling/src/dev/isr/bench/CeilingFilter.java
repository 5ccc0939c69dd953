package dev.isr.bench;

import jakarta.servlet.FilterChain;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The Servlet layer's ceiling: a filter that writes the page from memory and nothing else, the least any Servlet
 * filter front door can cost on this server.
 */
@WebFilter("/filter")
public class CeilingFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(Bodies.PAGE.length);
        response.getOutputStream().write(Bodies.PAGE);
    }
}
