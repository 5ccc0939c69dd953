package dev.isr.store;

import dev.isr.core.Header;
import org.infinispan.protostream.annotations.ProtoAdapter;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;

/** ProtoStream mapping of {@link Header}, so that the core record carries no marshalling annotations. */
@ProtoAdapter(Header.class)
public class HeaderAdapter {

    @ProtoFactory
    Header create(String name, String value) {
        return new Header(name, value);
    }

    @ProtoField(1)
    String getName(Header header) {
        return header.name();
    }

    @ProtoField(2)
    String getValue(Header header) {
        return header.value();
    }
}
