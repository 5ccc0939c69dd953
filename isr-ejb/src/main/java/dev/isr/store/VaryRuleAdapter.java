package dev.isr.store;

import dev.isr.core.VaryRule;
import java.util.ArrayList;
import java.util.List;
import org.infinispan.protostream.annotations.ProtoAdapter;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;

/** ProtoStream mapping of {@link VaryRule}; "all query parameters" (null) is a flag, as repeated fields cannot be null. */
@ProtoAdapter(VaryRule.class)
public class VaryRuleAdapter {

    @ProtoFactory
    VaryRule create(boolean allQueryParams, List<String> queryParams, List<String> cookies, List<String> headers) {
        return new VaryRule(allQueryParams ? null : orEmpty(queryParams), orEmpty(cookies), orEmpty(headers));
    }

    private static List<String> orEmpty(List<String> names) {
        return names == null ? List.of() : names;
    }

    @ProtoField(number = 1, defaultValue = "true")
    boolean getAllQueryParams(VaryRule rule) {
        return rule.queryParams() == null;
    }

    @ProtoField(number = 2, collectionImplementation = ArrayList.class)
    List<String> getQueryParams(VaryRule rule) {
        return rule.queryParams() == null ? List.of() : rule.queryParams();
    }

    @ProtoField(number = 3, collectionImplementation = ArrayList.class)
    List<String> getCookies(VaryRule rule) {
        return rule.cookies();
    }

    @ProtoField(number = 4, collectionImplementation = ArrayList.class)
    List<String> getHeaders(VaryRule rule) {
        return rule.headers();
    }
}
