package dev.isr.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Metrics in the Prometheus text exposition format (version 0.0.4): one {@code # HELP} and {@code # TYPE} line per
 * metric name, then one sample per label set. Names and label values are this module's own, checked here, so nothing
 * needs escaping.
 */
public final class PrometheusText {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern LABEL_VALUE = Pattern.compile("[a-z0-9_.-]*");

    /** A counter (only ever grows) or a gauge. */
    public enum Type {
        COUNTER,
        GAUGE
    }

    /** One sample: {@code name{label="value"} value}. */
    public record Sample(String name, Type type, String help, Map<String, String> labels, long value) {
        public Sample {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(help, "help");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a metric name: " + name);
            }
            labels = Map.copyOf(labels);
            labels.forEach((label, text) -> {
                if (!NAME.matcher(label).matches() || !LABEL_VALUE.matcher(text).matches()) {
                    throw new IllegalArgumentException("not a label: " + label + "=" + text);
                }
            });
        }

        public static Sample counter(String name, String help, long value) {
            return new Sample(name, Type.COUNTER, help, Map.of(), value);
        }

        public static Sample gauge(String name, String help, long value) {
            return new Sample(name, Type.GAUGE, help, Map.of(), value);
        }
    }

    /** A histogram: {@code name_bucket{le="..."}} for each bound and {@code +Inf}, {@code name_sum}, {@code name_count}. */
    public record Histogram(String name, String help, LatencyHistogram.Snapshot values) {
        public Histogram {
            Objects.requireNonNull(help, "help");
            Objects.requireNonNull(values, "values");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a metric name: " + name);
            }
        }
    }

    private PrometheusText() {}

    /** The exposition of {@code samples}, then of {@code histograms}. */
    public static String render(List<Sample> samples, List<Histogram> histograms) {
        StringBuilder text = new StringBuilder(render(samples));
        for (Histogram histogram : histograms) {
            String name = histogram.name();
            LatencyHistogram.Snapshot values = histogram.values();
            text.append("# HELP ")
                    .append(name)
                    .append(' ')
                    .append(histogram.help())
                    .append('\n');
            text.append("# TYPE ").append(name).append(" histogram\n");
            double[] bounds = values.boundsSeconds();
            long[] cumulative = values.cumulative();
            for (int i = 0; i < bounds.length; i++) {
                text.append(name)
                        .append("_bucket{le=\"")
                        .append(plain(bounds[i]))
                        .append("\"} ")
                        .append(cumulative[i])
                        .append('\n');
            }
            text.append(name)
                    .append("_bucket{le=\"+Inf\"} ")
                    .append(values.count())
                    .append('\n');
            text.append(name).append("_sum ").append(plain(values.sumSeconds())).append('\n');
            text.append(name).append("_count ").append(values.count()).append('\n');
        }
        return text.toString();
    }

    /** {@code 0.0005}, not {@code 5.0E-4}: what Prometheus' own clients write. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The exposition of {@code samples}, grouped by name in the order the names first appear. */
    public static String render(List<Sample> samples) {
        Map<String, List<Sample>> byName = new LinkedHashMap<>();
        for (Sample sample : samples) {
            byName.computeIfAbsent(sample.name(), k -> new ArrayList<>()).add(sample);
        }
        StringBuilder text = new StringBuilder();
        byName.forEach((name, group) -> {
            Sample first = group.get(0);
            text.append("# HELP ").append(name).append(' ').append(first.help()).append('\n');
            text.append("# TYPE ")
                    .append(name)
                    .append(' ')
                    .append(first.type().name().toLowerCase(Locale.ROOT))
                    .append('\n');
            for (Sample sample : group) {
                text.append(name);
                if (!sample.labels().isEmpty()) {
                    text.append('{');
                    sample.labels().entrySet().stream()
                            .sorted(Map.Entry.comparingByKey())
                            .forEach(label -> text.append(label.getKey())
                                    .append("=\"")
                                    .append(label.getValue())
                                    .append("\","));
                    text.setLength(text.length() - 1);
                    text.append('}');
                }
                text.append(' ').append(sample.value()).append('\n');
            }
        });
        return text.toString();
    }
}
