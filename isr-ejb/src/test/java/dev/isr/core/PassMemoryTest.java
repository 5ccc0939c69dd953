package dev.isr.core;

import static dev.isr.core.Entries.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Hit-for-pass: keys found not storable render without collapsing for a while, in bounded memory. */
class PassMemoryTest {

    private static final CacheKey KEY = new CacheKey(Entries.ORIGIN, "/me", "", "");

    @Test
    void rememberedKeyIsAPassUntilItsLifetimeEnds() {
        PassMemory passes = new PassMemory(Duration.ofSeconds(60));
        assertFalse(passes.isPass(KEY, T0));
        passes.remember(KEY, T0);
        assertTrue(passes.isPass(KEY, T0.plusSeconds(59)));
        assertFalse(passes.isPass(KEY, T0.plusSeconds(60)));
        assertEquals(0, passes.size(), "an expired key is dropped when looked at");
    }

    @Test
    void storedKeyIsForgotten() {
        PassMemory passes = new PassMemory(Duration.ofSeconds(60));
        passes.remember(KEY, T0);
        passes.forget(KEY);
        assertFalse(passes.isPass(KEY, T0));
    }

    @Test
    void zeroLifetimeTurnsItOff() {
        PassMemory passes = new PassMemory(Duration.ZERO);
        passes.remember(KEY, T0);
        assertFalse(passes.isPass(KEY, T0));
    }

    @Test
    void hostileUrlsCannotGrowItWithoutBound() {
        PassMemory passes = new PassMemory(Duration.ofSeconds(60));
        for (int i = 0; i < 3 * PassMemory.MAX_KEYS; i++) {
            passes.remember(new CacheKey(Entries.ORIGIN, "/x" + i, "", ""), T0);
            assertTrue(passes.size() <= PassMemory.MAX_KEYS, "size " + passes.size());
        }
    }
}
