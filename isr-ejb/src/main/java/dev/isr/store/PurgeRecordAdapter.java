package dev.isr.store;

import dev.isr.core.PurgeRecord;
import org.infinispan.protostream.annotations.ProtoAdapter;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;

/**
 * ProtoStream mapping of {@link PurgeRecord}. The epochs came later (fields 3 and 4): records written before read back
 * with epochs 0, which purge no entry by epoch, only by time.
 */
@ProtoAdapter(PurgeRecord.class)
public class PurgeRecordAdapter {

    @ProtoFactory
    PurgeRecord create(long hardAtMillis, long softAtMillis, long hardEpoch, long softEpoch) {
        return new PurgeRecord(hardAtMillis, softAtMillis, hardEpoch, softEpoch);
    }

    @ProtoField(number = 1, defaultValue = "0")
    long getHardAtMillis(PurgeRecord record) {
        return record.hardAtMillis();
    }

    @ProtoField(number = 2, defaultValue = "0")
    long getSoftAtMillis(PurgeRecord record) {
        return record.softAtMillis();
    }

    @ProtoField(number = 3, defaultValue = "0")
    long getHardEpoch(PurgeRecord record) {
        return record.hardEpoch();
    }

    @ProtoField(number = 4, defaultValue = "0")
    long getSoftEpoch(PurgeRecord record) {
        return record.softEpoch();
    }
}
