package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The index of keys by path and tag, and the purge selection made through it. */
class EntryIndexTest {

    private static final EntryIndex.Holder MEMORY = EntryIndex.Holder.MEMORY;
    private static final EntryIndex.Holder DURABLE = EntryIndex.Holder.PERSISTENT_STORE;

    private final EntryIndex index = new EntryIndex();

    private static PurgeRequest request(List<String> tags, List<String> paths, List<String> prefixes) {
        return new PurgeRequest(tags, paths, prefixes, false, false);
    }

    @Test
    void followsAddsReplacementsAndRemovals() {
        index.add("/a?x=1", "/a", List.of("t1"), 10, 0, MEMORY);
        index.add("/a?x=2", "/a", List.of("t1", "t2"), 20, 0, MEMORY);
        index.add("/b", "/b", List.of("t2"), 5, 0, MEMORY);
        assertEquals(2, index.keysForPath("/a").size());
        assertEquals(35, index.bytes());
        index.add("/a?x=1", "/a", List.of("t3"), 11, 0, MEMORY);
        assertEquals(2, index.keysForPath("/a").size(), "a replacement is not a second entry");
        assertEquals(
                List.of(),
                index.keysForTag("t3").stream().filter(k -> !k.equals("/a?x=1")).toList());
        assertEquals(Set.of("/a?x=2"), Set.copyOf(index.keysForTag("t1")), "the replaced entry's old tags are gone");
        assertEquals(36, index.bytes());
        index.remove("/a?x=1", MEMORY);
        index.remove("/a?x=2", MEMORY);
        index.remove("/never-added", MEMORY);
        assertTrue(index.keysForPath("/a").isEmpty());
        assertTrue(index.keysForTag("t1").isEmpty());
        assertEquals(1, index.size());
        assertEquals(5, index.bytes());
    }

    @Test
    void keyMovingBetweenCachesStaysIndexed() {
        index.add("/p", "/p", List.of("t"), 1, 0, MEMORY);
        index.add("/p", "/p", List.of("t"), 1, 0, DURABLE); // stored durable...
        index.remove("/p", MEMORY); // ...then removed from memory
        assertEquals(List.of("/p"), index.keysForTag("t"));
        index.remove("/p", DURABLE);
        assertEquals(0, index.size());
    }

    @Test
    void selectsByTagPathAndPrefixOnly() {
        index.add("/books", "/books", List.of("books"), 1, 0, MEMORY);
        index.add("/books/1", "/books/1", List.of("book-1"), 1, 0, DURABLE);
        index.add("/books/2", "/books/2", List.of("book-2"), 1, 0, DURABLE);
        index.add("/books/2?print=1", "/books/2", List.of("book-2"), 1, 0, DURABLE);
        index.add("/authors/1", "/authors/1", List.of("author-1"), 1, 0, MEMORY);

        assertEquals(
                Set.of("/books/1", "/books"), index.select(request(List.of("book-1", "books"), List.of(), List.of())));
        assertEquals(
                Set.of("/books/2", "/books/2?print=1"),
                index.select(request(List.of(), List.of("/books/2"), List.of())));
        assertEquals(
                Set.of("/books", "/books/1", "/books/2", "/books/2?print=1"),
                index.select(request(List.of(), List.of(), List.of("/books"))));
        assertEquals(Set.of(), index.select(request(List.of("unknown"), List.of("/nowhere"), List.of("/x"))));
        assertEquals(5, index.select(PurgeRequest.everything()).size());
    }

    @Test
    void listsMostReadFirstWithinFilters() {
        index.add("/a", "/a", List.of("t"), 1, 0, MEMORY);
        index.add("/b", "/b", List.of("t"), 1, 0, MEMORY);
        index.add("/c", "/c", List.of("u"), 1, 0, MEMORY);
        index.read("/b", 5);
        index.read("/b", 6);
        index.read("/a", 7);
        assertEquals(
                List.of("/b", "/a"),
                index.list("t", null, 10).stream().map(EntryIndex.Indexed::key).toList());
        assertEquals(
                List.of("/b"),
                index.list("t", null, 1).stream().map(EntryIndex.Indexed::key).toList());
        assertEquals(
                List.of("/c"),
                index.list(null, "/c", 10).stream().map(EntryIndex.Indexed::key).toList());
        assertEquals(6, index.get("/b").lastReadMillis());
        index.add("/b", "/b", List.of("t"), 2, 0, MEMORY);
        assertEquals(2, index.get("/b").reads(), "a revalidated entry keeps its popularity");
    }
}
