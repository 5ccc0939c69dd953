package dev.isr.store;

import dev.isr.core.PurgeRecord;
import org.infinispan.protostream.annotations.ProtoAdapter;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;

/** ProtoStream mapping of {@link PurgeRecord}. */
@ProtoAdapter(PurgeRecord.class)
public class PurgeRecordAdapter {

    @ProtoFactory
    PurgeRecord create(long hardAtMillis, long softAtMillis) {
        return new PurgeRecord(hardAtMillis, softAtMillis);
    }

    @ProtoField(number = 1, defaultValue = "0")
    long getHardAtMillis(PurgeRecord record) {
        return record.hardAtMillis();
    }

    @ProtoField(number = 2, defaultValue = "0")
    long getSoftAtMillis(PurgeRecord record) {
        return record.softAtMillis();
    }
}
