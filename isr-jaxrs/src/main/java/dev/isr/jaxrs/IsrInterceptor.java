package dev.isr.jaxrs;

import dev.isr.api.Isr;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;

/**
 * Records the {@link Isr} declaration of the invoked method (or else of its class) in the request's
 * {@link RequestIsrContext} before the method runs, so that the method and the services it calls can refine it with
 * {@link dev.isr.api.IsrContext}. {@link ResponseCapture} turns the result into fields when the response leaves.
 *
 * <p>Tag templates are filled from the invocation's arguments by the names of the method's parameters
 * ({@link IsrDeclarations}): that works for JAX-RS resources and plain CDI beans alike. Outside an HTTP request (a
 * timer, a batch job) there is no response to declare for: the method just runs. Exceptions of the method pass
 * through untouched.
 */
@Isr
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class IsrInterceptor {

    private static final System.Logger LOG = System.getLogger(IsrInterceptor.class.getName());

    @Inject
    RequestIsrContext context;

    @Inject
    IsrDeclarations declarations;

    @AroundInvoke
    public Object declare(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        Isr isr = method.getAnnotation(Isr.class);
        if (isr == null) {
            // the class's: @Inherited, so the container's subclass of the bean class has it too
            Object target = invocation.getTarget();
            isr = (target == null ? method.getDeclaringClass() : target.getClass()).getAnnotation(Isr.class);
        }
        if (isr != null) {
            try {
                context.declare(declarations.resolve(method, isr, invocation.getParameters()));
            } catch (ContextNotActiveException e) {
                if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
                    FrontDoorLog.isrOutsideARequest(IsrDeclarations.describe(method));
                }
            }
        }
        return invocation.proceed();
    }
}
