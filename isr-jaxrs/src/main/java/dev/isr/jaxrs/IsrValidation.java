package dev.isr.jaxrs;

import dev.isr.api.Isr;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Fails the deployment when an {@link Isr} is invalid: every annotation on a type the container discovers is checked
 * ({@link dev.isr.core.PolicyDeclaration#problems}) against the parameters of each method it applies to: its own
 * method, or for a class-level one every business method (public, protected or package-private, not static) that has
 * none of its own. Each problem becomes a definition error, for example
 * {@code ISR0601: @Isr on BookPages.book(int): maxAge "6O s" is not a duration (500ms, 10s, 5m, 2h, 1d...)}.
 *
 * <p>Observer methods run on the container's bootstrap thread, one after another.
 */
public class IsrValidation implements Extension {

    private final List<String> problems = new ArrayList<>();

    <T> void validate(@Observes @WithAnnotations(Isr.class) ProcessAnnotatedType<T> event) {
        AnnotatedType<T> type = event.getAnnotatedType();
        Isr classLevel = type.getAnnotation(Isr.class);
        for (AnnotatedMethod<? super T> annotated : type.getMethods()) {
            Method method = annotated.getJavaMember();
            Isr own = annotated.getAnnotation(Isr.class);
            if (own != null) {
                check(own, method, IsrDeclarations.describe(method));
            } else if (classLevel != null && isBusinessMethod(method)) {
                check(
                        classLevel,
                        method,
                        type.getJavaClass().getSimpleName() + " (class level), applied to "
                                + IsrDeclarations.describe(method));
            }
        }
    }

    private static boolean isBusinessMethod(Method method) {
        int modifiers = method.getModifiers();
        return method.getDeclaringClass() != Object.class
                && !Modifier.isStatic(modifiers)
                && !Modifier.isPrivate(modifiers)
                && !method.isSynthetic()
                && !method.isBridge();
    }

    private void check(Isr isr, Method method, String where) {
        for (String problem : IsrDeclarations.declarationOf(isr).problems(IsrDeclarations.knownNames(method))) {
            problems.add("ISR0601: @Isr on " + where + ": " + problem);
        }
    }

    void report(@Observes AfterBeanDiscovery event) {
        for (String problem : problems) {
            event.addDefinitionError(new DefinitionException(problem));
        }
        problems.clear();
    }
}
