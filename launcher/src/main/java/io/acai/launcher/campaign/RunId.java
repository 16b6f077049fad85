package io.acai.launcher.campaign;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The folder name of a campaign run: each parameter as {@code label=value}, joined by commas, then
 * {@code -r<repeat>}, for example {@code bandwidthFrom=2mbps,minRetrainImages=20-r1} ({@code r1} alone
 * when nothing is swept). A label is the parameter's own {@code "label"} when the campaign gives one
 * (zipped parameters sharing a label hold equal values and appear once: {@code uplink=0.25mbps-r1}),
 * else the path's last field ({@code minRetrainImages}), lengthened from
 * the end ({@code cloud~edge-far.bandwidthFrom}, {@code command.2}) until no two unlabelled parameters share it
 * and it does not start with a bare index. Characters other than letters, digits and {@code . _ ~ + -} become {@code _}; an id longer
 * than {@value #MAX_LENGTH} characters is cut and ends with a hash of the whole. The same campaign file
 * always gives the same ids, which is what lets a rerun find the runs it has done.
 */
public final class RunId {

    static final int MAX_LENGTH = 120;

    private RunId() {
    }

    /**
     * The name of each parameter in run ids, in order: its label, else one derived from its path
     * ({@link #labels(List)} over the unlabelled parameters). Parameters sharing a label share a name.
     */
    public static List<String> names(List<SweepParameter> parameters) {
        List<String> derived = labels(parameters.stream().filter(p -> p.label() == null).map(SweepParameter::path).toList());
        List<String> names = new ArrayList<>();
        int next = 0;
        for (SweepParameter parameter : parameters) {
            names.add(parameter.label() != null ? parameter.label() : derived.get(next++));
        }
        return names;
    }

    /** A label per path, in order, each unique among them. */
    public static List<String> labels(List<ConfigPath> paths) {
        List<List<String>> parts = paths.stream().map(ConfigPath::parts).toList();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            List<String> mine = parts.get(i);
            String label = String.join(".", mine);
            for (int k = 1; k <= mine.size(); k++) {
                if (k < mine.size() && mine.get(mine.size() - k).matches("[0-9]+")) {
                    continue; // an index alone says nothing: command.2, not 2
                }
                String candidate = suffix(mine, k);
                boolean shared = false;
                for (int j = 0; j < parts.size(); j++) {
                    if (j != i && suffix(parts.get(j), k).equals(candidate)) {
                        shared = true;
                    }
                }
                if (!shared) {
                    label = candidate;
                    break;
                }
            }
            labels.add(label);
        }
        return labels;
    }

    private static String suffix(List<String> parts, int count) {
        return String.join(".", parts.subList(Math.max(0, parts.size() - count), parts.size()));
    }

    /**
     * The id of the run with {@code values} (in the order of {@code labels}) and {@code repeat}; a label that
     * comes again (zipped parameters of one axis, equal values) is written once.
     */
    static String of(List<String> labels, List<JsonNode> values, int repeat) {
        List<String> pairs = new ArrayList<>();
        Set<String> written = new HashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            if (!written.add(labels.get(i))) {
                continue;
            }
            JsonNode value = values.get(i);
            String text = value.isTextual() ? value.asText()
                    : value.isBigDecimal() ? value.decimalValue().toPlainString() : value.toString();
            pairs.add(safe(labels.get(i)) + "=" + safe(text));
        }
        String id = (pairs.isEmpty() ? "" : String.join(",", pairs) + "-") + "r" + repeat;
        if (id.length() <= MAX_LENGTH) {
            return id;
        }
        String tail = "-" + hash(id) + "-r" + repeat;
        return id.substring(0, MAX_LENGTH - tail.length()) + tail;
    }

    /** {@code ids} with the position (from 1) appended to every id that two runs would share. */
    static List<String> unique(List<String> ids) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                repeated.add(id);
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            out.add(repeated.contains(ids.get(i)) ? ids.get(i) + "-" + (i + 1) : ids.get(i));
        }
        return out;
    }

    public static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9._~+-]", "_");
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
