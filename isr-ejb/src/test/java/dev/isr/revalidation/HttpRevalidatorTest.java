package dev.isr.revalidation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.core.CacheKey;
import dev.isr.core.CachePolicy;
import dev.isr.core.CacheStatistics;
import dev.isr.core.CachedResponse;
import dev.isr.core.Header;
import dev.isr.core.IsrConfig;
import dev.isr.core.Leases;
import dev.isr.core.RecentEvents;
import dev.isr.core.RevalidationGate;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The revalidator against an origin on a real socket that misbehaves the way origins do (issue 15, part 4): it resets
 * the connection (RST, by closing with a zero linger) before or after its header fields, closes it in the middle of the
 * body, hangs before or after its header fields, answers garbage, or answers an error. Every one of these ends within
 * the revalidation timeout as a counted failure that frees the gate's slot and holds the key's lease for
 * {@code retry-after}; a complete 200 is a success that releases the lease. The servers' own versions of these faults
 * (Undertow closes, Grizzly leaves the body unfinished) are in {@code OriginFaultIT}.
 */
class HttpRevalidatorTest {

    private static final Duration TIMEOUT = Duration.ofMillis(700);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    private static final byte[] HEAD_OF_CUT_RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 1000\r\n\r\npart of the body")
            .getBytes(StandardCharsets.US_ASCII);

    /** What the origin does once it has read the request. */
    enum Fault {
        RESET_BEFORE_ANSWERING(false),
        RESET_MID_BODY(false),
        CLOSE_MID_BODY(false),
        HANG_BEFORE_ANSWERING(false),
        HANG_MID_BODY(false),
        GARBAGE(false),
        SERVER_ERROR(false),
        COMPLETE_200(true);

        final boolean succeeds;

        Fault(boolean succeeds) {
            this.succeeds = succeeds;
        }
    }

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final RecordingLeases leases = new RecordingLeases();
    private ServerSocket listener;
    private volatile Fault fault;
    private final CountDownLatch requestRead = new CountDownLatch(1);
    private HttpRevalidator revalidator;
    private final RecentEvents events = new RecentEvents();

    @BeforeEach
    void start() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
        revalidator = new HttpRevalidator();
        revalidator.executor = managed(threads);
        revalidator.config = config();
        revalidator.gate = new RevalidationGate(RETRY_AFTER, 4);
        revalidator.secret = new RevalidationSecret();
        revalidator.secret.config = revalidator.config;
        revalidator.secret.init();
        revalidator.origin = new OriginResolver();
        revalidator.origin.config = revalidator.config;
        revalidator.origin.init();
        revalidator.statistics = new CacheStatistics();
        revalidator.clock = Clock.systemUTC();
        revalidator.leases = leases;
        revalidator.events = events;
        revalidator.init();
    }

    @AfterEach
    void stop() throws IOException {
        listener.close();
        for (Socket socket : held) {
            socket.close();
        }
        threads.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void everyFaultOfTheOriginEndsWithinTheTimeoutAndFreesTheSlot(Fault fault) throws Exception {
        this.fault = fault;
        CachedResponse stale = stale("/page");
        String key = stale.key().value();

        CompletableFuture<Void> done = revalidator.revalidateEagerly(stale);

        // the timeout, the executor's hop and a loaded machine's slack; a hang would never complete
        done.get(TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        assertTrue(requestRead.await(1, TimeUnit.SECONDS), "the origin was asked");
        assertFalse(revalidator.gate.isRunning(key), "the gate's slot is free");
        assertEquals(0, revalidator.gate.inFlight(), "nothing left in flight");
        CacheStatistics.Snapshot counted = revalidator.statistics.snapshot();
        assertEquals(fault.succeeds ? 1 : 0, counted.revalidationsOk(), "successes");
        assertEquals(fault.succeeds ? 0 : 1, counted.revalidationsFailed(), "failures");
        String lease = "revalidate " + key;
        if (fault.succeeds) {
            assertFalse(leases.isHeld(lease), "a success releases the key's lease");
        } else {
            assertEquals(RETRY_AFTER, leases.heldFor.get(lease), "a failure backs the key off on every node");
            assertTrue(revalidator.gate.refuses(key, Instant.now()), "and on this node");
        }
        assertEquals(
                fault.succeeds ? List.of() : List.of(key),
                events.latest(10).stream().map(RecentEvents.Event::summary).toList(),
                "a failure is in the console's log of recent events, a success is not");
    }

    private void accept() {
        try {
            while (true) {
                Socket socket = listener.accept();
                held.add(socket);
                threads.execute(() -> answer(socket));
            }
        } catch (IOException e) {
            // the listener closed: the test is over
        }
    }

    private void answer(Socket socket) {
        try {
            readRequestHead(socket.getInputStream());
            requestRead.countDown();
            OutputStream out = socket.getOutputStream();
            switch (fault) {
                case RESET_BEFORE_ANSWERING -> reset(socket);
                case RESET_MID_BODY -> {
                    out.write(HEAD_OF_CUT_RESPONSE);
                    out.flush();
                    reset(socket);
                }
                case CLOSE_MID_BODY -> {
                    out.write(HEAD_OF_CUT_RESPONSE);
                    out.flush();
                    socket.close();
                }
                case HANG_BEFORE_ANSWERING -> {
                    // holds the connection open until the test ends
                }
                case HANG_MID_BODY -> {
                    out.write(HEAD_OF_CUT_RESPONSE);
                    out.flush();
                }
                case GARBAGE -> {
                    out.write("NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    socket.close();
                }
                case SERVER_ERROR -> complete(out, "500 Internal Server Error");
                case COMPLETE_200 -> complete(out, "200 OK");
                default -> throw new IllegalStateException(fault.name());
            }
        } catch (IOException e) {
            // the client gave the connection up: expected once it timed out
        }
    }

    /** A RST instead of a FIN: a zero linger makes close discard what is unsent and reset the connection. */
    private static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private static void complete(OutputStream out, String status) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads up to the blank line that ends the request's header fields (a revalidation has no body). */
    private static void readRequestHead(InputStream in) throws IOException {
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended early");
            }
            state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
        }
    }

    private IsrConfig config() {
        IsrConfig defaults = IsrConfig.defaults();
        return new IsrConfig(
                defaults.cacheName(),
                defaults.maxBodyBytes(),
                defaults.storableStatuses(),
                defaults.ignoredQueryParams(),
                defaults.storePath(),
                false,
                "http://127.0.0.1:" + listener.getLocalPort(),
                "",
                TIMEOUT,
                RETRY_AFTER,
                defaults.collapseTimeout(),
                4,
                "",
                "",
                defaults.cluster(),
                defaults.budgets(),
                defaults.sweepInterval(),
                defaults.evictUnreadAfter(),
                defaults.publicOrigins(),
                defaults.hitForPass(),
                defaults.webhookTolerance(),
                defaults.degradedWindow(),
                defaults.degradedShare(),
                defaults.adminNetworks());
    }

    private static CachedResponse stale(String path) {
        CachePolicy policy =
                new CachePolicy(Duration.ofSeconds(1), Duration.ofSeconds(600), Duration.ZERO, false, true, false);
        return new CachedResponse(
                new CacheKey("http://example.test", path, "", ""),
                200,
                List.of(new Header("Content-Type", "text/plain")),
                "stale".getBytes(StandardCharsets.UTF_8),
                Instant.now().minusSeconds(5),
                policy,
                List.of(),
                List.of());
    }

    /**
     * The container's executor, as far as the revalidator uses it: the {@link ExecutorService} methods run on
     * {@code delegate}; the contextual ones of the Jakarta Concurrency API are not called here and fail if they are.
     */
    private static ManagedExecutorService managed(ExecutorService delegate) {
        return (ManagedExecutorService) Proxy.newProxyInstance(
                HttpRevalidatorTest.class.getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class},
                (proxy, method, args) -> {
                    if (!method.getDeclaringClass().isAssignableFrom(ExecutorService.class)) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Leases of one node, with the lifespan each was last held for. */
    private static final class RecordingLeases implements Leases {

        final Map<String, Duration> heldFor = new ConcurrentHashMap<>();

        @Override
        public boolean tryAcquire(String key, Duration lifespan) {
            return heldFor.putIfAbsent(key, lifespan) == null;
        }

        @Override
        public boolean isHeld(String key) {
            return heldFor.containsKey(key);
        }

        @Override
        public void release(String key) {
            heldFor.remove(key);
        }

        @Override
        public void hold(String key, Duration lifespan) {
            heldFor.put(key, lifespan);
        }

        @Override
        public CompletableFuture<Void> whenReleased(String key) {
            return CompletableFuture.completedFuture(null);
        }
    }
}
