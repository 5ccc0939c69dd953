package dev.isr.jaxrs;

import dev.isr.api.Isr;
import dev.isr.core.DeclaredPolicy;
import dev.isr.core.PolicyDeclaration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * Reads {@link Isr} annotations into {@link PolicyDeclaration}s and resolves them for one invocation: the bridge
 * between the annotation and the core, shared by the interceptor and the deployment-time validation.
 *
 * <p>A template parameter's name is, for each method parameter, the value of its {@code @PathParam}, else of its
 * {@code @QueryParam}, else its own name when the class was compiled with {@code -parameters}.
 *
 * <p>Thread-safe: each method's declaration is read once and kept (bounded by the number of annotated methods).
 */
@ApplicationScoped
public class IsrDeclarations {

    /** One annotated method: its declaration and the template name of each parameter (null when it has none). */
    private record Declared(PolicyDeclaration declaration, List<String> parameterNames) {}

    /** The annotation is part of the key: a method inherited by classes annotated differently has several. */
    private record Site(Method method, Isr isr) {}

    private final ConcurrentMap<Site, Declared> declared = new ConcurrentHashMap<>();

    /**
     * The policy {@code isr} declares for this invocation of {@code method}, templates filled from {@code arguments}
     * ({@link String#valueOf}; a null argument leaves its tags out).
     */
    public DeclaredPolicy resolve(Method method, Isr isr, Object[] arguments) {
        Declared site = declared.computeIfAbsent(
                new Site(method, isr), s -> new Declared(declarationOf(s.isr()), parameterNames(s.method())));
        List<String> names = site.parameterNames();
        return site.declaration().resolve(name -> {
            int index = names.indexOf(name);
            Object value = index < 0 || index >= arguments.length ? null : arguments[index];
            return value == null ? null : String.valueOf(value);
        });
    }

    /** The members of {@code isr} as the core reads them. */
    public static PolicyDeclaration declarationOf(Isr isr) {
        return new PolicyDeclaration(
                isr.maxAge(),
                isr.staleWhileRevalidate(),
                isr.staleIfError(),
                isr.durable(),
                isr.strict(),
                List.of(isr.tags()),
                List.of(isr.varyQuery()),
                List.of(isr.varyHeader()),
                List.of(isr.varyCookie()));
    }

    /** The template name of each parameter of {@code method}, null for a parameter templates cannot name. */
    public static List<String> parameterNames(Method method) {
        List<String> names = new ArrayList<>(method.getParameterCount());
        for (Parameter parameter : method.getParameters()) {
            PathParam path = parameter.getAnnotation(PathParam.class);
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (path != null) {
                names.add(path.value());
            } else if (query != null) {
                names.add(query.value());
            } else {
                names.add(parameter.isNamePresent() ? parameter.getName() : null);
            }
        }
        return names;
    }

    /** The names templates of {@code method} may use. */
    public static List<String> knownNames(Method method) {
        return parameterNames(method).stream()
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    /** {@code BookPages.book(int)}, for messages. */
    public static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "("
                + Arrays.stream(method.getParameterTypes())
                        .map(Class::getSimpleName)
                        .collect(Collectors.joining(", "))
                + ")";
    }
}
