package io.orderflow.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percentiles of one run and median/spread over several runs. */
final class Stats {

    private Stats() {
    }

    /** Nearest-rank percentile of an ascending array; 0 when empty. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** {@code {"median": m, "min": a, "max": b, "runs": [...]}} */
    static Map<String, Object> summary(List<Double> runs, int decimals) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("median", round(median(runs), decimals));
        out.put("min", round(min(runs), decimals));
        out.put("max", round(max(runs), decimals));
        List<Double> rounded = new ArrayList<>();
        runs.forEach(r -> rounded.add(round(r, decimals)));
        out.put("runs", rounded);
        return out;
    }

    static double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    static long[] sortedCopy(long[] values, int length) {
        long[] copy = Arrays.copyOf(values, length);
        Arrays.sort(copy);
        return copy;
    }

    /** Least-squares slope of y over x. */
    static double slope(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return 0;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (x[i] - mx) * (y[i] - my);
            den += (x[i] - mx) * (x[i] - mx);
        }
        return den == 0 ? 0 : num / den;
    }
}
