package dev.isr.jaxrs;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.api.Isr;
import jakarta.enterprise.context.Dependent;
import jakarta.ws.rs.PathParam;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad {@code @Isr} fails the deployment: Weld is started with {@link IsrValidation} and one bean, and the
 * definition error must name the class, the method and the bad value.
 */
class IsrValidationTest {

    @Dependent
    static class BadDuration {
        @Isr(maxAge = "6O s")
        String book(@PathParam("id") int id) {
            return "";
        }
    }

    @Dependent
    static class UnknownParameter {
        @Isr(maxAge = "60s", tags = "book-{isbn}")
        String book(@PathParam("id") int id) {
            return "";
        }
    }

    @Dependent
    @Isr(maxAge = "60s", tags = "book-{id}")
    static class ClassLevelTemplate {
        String book(@PathParam("id") int id) {
            return "";
        }

        String list() {
            return "";
        }
    }

    @Dependent
    static class BadVary {
        @Isr(maxAge = "60s", varyHeader = "Authorization")
        String book() {
            return "";
        }
    }

    @Dependent
    static class Valid {
        @Isr(
                maxAge = "60s",
                staleWhileRevalidate = "1d",
                durable = true,
                tags = {"books", "book-{id}"})
        String book(@PathParam("id") int id) {
            return "";
        }
    }

    private static WeldContainer start(Class<?> bean) {
        return new Weld()
                .disableDiscovery()
                .addExtension(new IsrValidation())
                .beanClasses(IsrInterceptor.class, IsrDeclarations.class, RequestIsrContext.class, bean)
                .initialize();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            BadDuration => @Isr on BadDuration.book(int): maxAge "6O s" is not a duration (500ms, 10s, 5m, 2h, 1d...)
            UnknownParameter => @Isr on UnknownParameter.book(int): tag "book-{isbn}" names {isbn}, which is not
            ClassLevelTemplate => @Isr on ClassLevelTemplate (class level), applied to ClassLevelTemplate.list()
            BadVary => @Isr on BadVary.book(): varyHeader "Authorization" would key on credentials
            """)
    void aBadAnnotationFailsTheDeployment(String bean, String message) throws Exception {
        Class<?> type = Class.forName(IsrValidationTest.class.getName() + "$" + bean);
        Exception failure = assertThrows(Exception.class, () -> start(type).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("ISR0601: " + message), messages.toString());
    }

    @Test
    void aValidAnnotationDeploys() {
        try (WeldContainer container = start(Valid.class)) {
            assertTrue(container.isRunning());
        }
    }
}
