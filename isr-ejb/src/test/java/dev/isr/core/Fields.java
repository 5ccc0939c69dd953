package dev.isr.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Header fields for table-driven tests, written {@code Name: value;; Name: value} in one cell. */
final class Fields {

    private Fields() {}

    /**
     * The fields of {@code spec} written {@code Name: value; Name: value} (values without {@code ;}); a name may
     * repeat, as field lines do; none for null.
     */
    static HeaderLookup lines(String spec) {
        List<String[]> parsed = new ArrayList<>();
        if (spec != null) {
            for (String field : spec.split(";")) {
                int colon = field.indexOf(':');
                parsed.add(new String[] {
                    field.substring(0, colon).trim(), field.substring(colon + 1).trim()
                });
            }
        }
        return name -> parsed.stream()
                .filter(f -> f[0].equalsIgnoreCase(name))
                .map(f -> f[1])
                .toList();
    }

    /** The fields of {@code spec}; none for null. */
    static HeaderLookup of(String spec) {
        Map<String, String> map = new LinkedHashMap<>();
        if (spec != null) {
            for (String field : spec.split(";;")) {
                int colon = field.indexOf(':');
                map.put(
                        field.substring(0, colon).trim(),
                        field.substring(colon + 1).trim());
            }
        }
        return name -> map.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .toList();
    }
}
