package dev.isr.api;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares how this cache keeps what a JAX-RS resource method (or a CDI bean method that renders for a request)
 * produces, instead of writing the header fields by hand:
 *
 * <pre>{@code
 * @GET
 * @Path("{id}")
 * @Isr(maxAge = "60s", staleWhileRevalidate = "1d", durable = true, tags = {"books", "book-{id}"})
 * public Book book(@PathParam("id") int id) { ... }
 * }</pre>
 *
 * <p>Before the method runs, its interceptor records the declaration in the request's {@link IsrContext}, where the
 * method and the services it calls can refine it. When the response leaves, the declaration becomes the
 * {@code Isr-Cache-Control}, {@code Isr-Cache-Tag} and {@code Isr-Vary} fields and goes through the same rules as
 * fields set by hand (docs/headers.md). <b>Fields the application sets explicitly win</b>, each for its own part:
 * {@code Isr-Cache-Control}, {@code CDN-Cache-Control}, or a {@code Cache-Control} with {@code s-maxage},
 * {@code max-age}, {@code no-store}, {@code private} or {@code no-cache} replace the lifetimes and flags;
 * {@code Isr-Cache-Tag}, {@code Cache-Tag} or {@code Surrogate-Key} replace the tags; {@code Isr-Vary} replaces the
 * vary members.
 *
 * <p>On a class, it applies to every business method; on a method, it replaces the class's annotation as a whole
 * (members are not merged). When a second {@code @Isr} method runs in the same request, its lifetimes, flags and vary
 * members replace the first's and its tags are added.
 *
 * <p>Every {@code @Isr} is validated when the application is deployed: a value that is not a duration, a negative or
 * fractional duration, a tag template naming an unknown parameter, an invalid tag or vary name fails the deployment
 * with a message {@code ISR0601} naming the class, the method and the value.
 *
 * <p>Durations are text: {@code 500ms} (whole seconds only here), {@code 10s}, {@code 5m}, {@code 2h}, {@code 1d},
 * a bare number of seconds, or ISO-8601 ({@code PT10S}). {@code ""} means not declared.
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Isr {

    /**
     * How long the response is fresh in this cache ({@code s-maxage}). Without it (here or through
     * {@link IsrContext#maxAge}) the declaration adds no directives, and the response is stored only if its own
     * fields say so.
     */
    @Nonbinding
    String maxAge() default "";

    /** How long after {@link #maxAge} a stale copy is served while one request renders it again (RFC 5861). */
    @Nonbinding
    String staleWhileRevalidate() default "";

    /** How long after {@link #maxAge} a stale copy answers instead of a 5xx of the render (RFC 5861). */
    @Nonbinding
    String staleIfError() default "";

    /** Keep the entry in the persistent store, so that it survives restarts. */
    @Nonbinding
    boolean durable() default false;

    /**
     * Cache tags, for purges. A tag may be a template: {@code {name}} is filled with the method parameter of that
     * name: the value of its JAX-RS {@code @PathParam} or {@code @QueryParam}, or else the parameter's own name when
     * the class was compiled with {@code javac -parameters}. A parameter whose value is null leaves its tag out.
     */
    @Nonbinding
    String[] tags() default {};

    /** The query parameters of the cache key: {@code {"*"}} (the default) for all, {@code {}} for none. */
    @Nonbinding
    String[] varyQuery() default {"*"};

    /** Request header fields of the cache key; never {@code Authorization}, {@code Cookie} and the like. */
    @Nonbinding
    String[] varyHeader() default {};

    /** Request cookies of the cache key. */
    @Nonbinding
    String[] varyCookie() default {};

    /**
     * RFC 9111 strictness for this route: never served stale once {@link #maxAge} has passed
     * ({@code proxy-revalidate}), whatever {@link #staleWhileRevalidate} and {@link #staleIfError} say.
     */
    @Nonbinding
    boolean strict() default false;
}
