package dev.isr.store;

import org.infinispan.protostream.GeneratedSchema;
import org.infinispan.protostream.annotations.ProtoSchema;

/** The ProtoStream schema of everything ISR keeps in Infinispan; the processor generates {@code IsrSchemaImpl}. */
@ProtoSchema(
        includeClasses = {
            CachedResponseAdapter.class,
            HeaderAdapter.class,
            VaryRuleAdapter.class,
            PurgeRecordAdapter.class
        },
        schemaPackageName = "dev.isr",
        schemaFileName = "isr.proto",
        schemaFilePath = "proto")
public interface IsrSchema extends GeneratedSchema {}
