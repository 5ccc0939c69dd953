package dev.isr.jaxrs;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs an action once when asynchronous request processing ends, however it ends (complete, error, timeout). */
final class WhenComplete implements AsyncListener {

    private final Runnable action;
    private final AtomicBoolean ran = new AtomicBoolean();

    WhenComplete(Runnable action) {
        this.action = action;
    }

    @Override
    public void onComplete(AsyncEvent event) {
        runOnce();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        runOnce();
    }

    @Override
    public void onError(AsyncEvent event) {
        runOnce();
    }

    /** A new asynchronous cycle clears the listeners: register again for it. */
    @Override
    public void onStartAsync(AsyncEvent event) {
        event.getAsyncContext().addListener(this);
    }

    private void runOnce() {
        if (ran.compareAndSet(false, true)) {
            action.run();
        }
    }
}
