package dev.isr.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isr.core.CacheKey;
import dev.isr.core.CachePolicy;
import dev.isr.core.CachedResponse;
import dev.isr.core.Header;
import dev.isr.core.PurgeRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.infinispan.protostream.ProtobufUtil;
import org.infinispan.protostream.SerializationContext;
import org.infinispan.protostream.TagWriter;
import org.infinispan.protostream.impl.TagWriterImpl;
import org.junit.jupiter.api.Test;

/**
 * The stored format can evolve: an entry written by an older version (fewer fields) still reads, with the new
 * fields at their "as before" defaults, and an entry written by a newer version (an unknown field) reads too, so that
 * a rolling upgrade and an old store on disk both work.
 */
class SchemaEvolutionTest {

    private final SerializationContext context = ProtobufUtil.newSerializationContext();

    SchemaEvolutionTest() {
        new IsrSchemaImpl().register(context);
    }

    @Test
    void currentEntriesRoundTrip() throws Exception {
        CachedResponse entry = new CachedResponse(
                new CacheKey("", "/p", "a=1", "h:accept-language=de"),
                200,
                List.of(new Header("Content-Type", "text/plain")),
                "body".getBytes(StandardCharsets.UTF_8),
                Instant.parse("2026-01-01T00:00:00Z"),
                new CachePolicy(
                        Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(600), false, true, true),
                List.of(new Header("Accept-Language", "de")),
                List.of("t1", "t2"),
                42);
        byte[] bytes = ProtobufUtil.toByteArray(context, entry);
        assertEquals(entry, ProtobufUtil.fromByteArray(context, bytes, CachedResponse.class));
    }

    @Test
    void currentPurgeRecordsRoundTrip() throws Exception {
        PurgeRecord record = new PurgeRecord(1_700_000_000_000L, 1_700_000_001_000L, 7, 9);
        byte[] bytes = ProtobufUtil.toByteArray(context, record);
        assertEquals(record, ProtobufUtil.fromByteArray(context, bytes, PurgeRecord.class));
    }

    @Test
    void aPurgeRecordWrittenBeforeTheEpochReadsWithEpochsZero() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TagWriter writer = TagWriterImpl.newInstance(context, out);
        writer.writeInt64(1, 1_700_000_000_000L); // hardAtMillis
        writer.writeInt64(2, 1_700_000_001_000L); // softAtMillis
        writer.flush();
        PurgeRecord read = ProtobufUtil.fromByteArray(context, out.toByteArray(), PurgeRecord.class);
        assertEquals(new PurgeRecord(1_700_000_000_000L, 1_700_000_001_000L, 0, 0), read);
    }

    @Test
    void anEntryWrittenBeforeVariantsReplayFieldsTagsAndRenderEpochStillReads() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TagWriter writer = TagWriterImpl.newInstance(context, out);
        writer.writeString(1, "/old"); // path
        writer.writeInt32(4, 200); // status
        writer.writeBytes(6, "old body".getBytes(StandardCharsets.UTF_8));
        writer.writeInt64(7, 1_700_000_000_000L); // storedAt
        writer.writeInt64(8, 60_000); // freshFor
        writer.flush();
        CachedResponse read = ProtobufUtil.fromByteArray(context, out.toByteArray(), CachedResponse.class);
        assertEquals(new CacheKey("/old", ""), read.key());
        assertArrayEquals("old body".getBytes(StandardCharsets.UTF_8), read.body());
        assertEquals(Duration.ofSeconds(60), read.policy().freshFor());
        assertEquals(Duration.ZERO, read.policy().staleWhileRevalidate());
        assertEquals(List.of(), read.tags());
        assertEquals(List.of(), read.replayFields());
        assertEquals(false, read.policy().durable());
        assertEquals(0, read.renderEpoch(), "written before the purge epoch: purged by time");
    }

    @Test
    void anEntryWrittenByANewerVersionWithAnUnknownFieldStillReads() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TagWriter writer = TagWriterImpl.newInstance(context, out);
        writer.writeString(1, "/new");
        writer.writeInt32(4, 404);
        writer.writeInt64(7, 1_700_000_000_000L);
        writer.writeInt64(8, 60_000);
        writer.writeString(99, "a field this version does not know");
        writer.flush();
        CachedResponse read = ProtobufUtil.fromByteArray(context, out.toByteArray(), CachedResponse.class);
        assertEquals(404, read.status());
        assertEquals("/new", read.key().path());
    }
}
