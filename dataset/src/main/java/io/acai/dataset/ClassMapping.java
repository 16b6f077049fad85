package io.acai.dataset;

import io.acai.detection.ClassNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Maps a dataset's class ids to a model's class ids by name, so that a VOC dataset can be judged
 * or trained on with a COCO model and back. Names match ignoring case, blanks, {@code _} and
 * {@code -}, and through the VOC/COCO aliases: {@code aeroplane = airplane},
 * {@code motorbike = motorcycle}, {@code sofa = couch}, {@code tvmonitor = tv},
 * {@code diningtable = dining table}, {@code pottedplant = potted plant}. A dataset class the
 * model lacks is unmapped: its objects are dropped, and {@link #unmapped()} names it once.
 */
public final class ClassMapping {

    private static final Map<String, String> ALIASES = Map.of(
            "aeroplane", "airplane",
            "motorbike", "motorcycle",
            "sofa", "couch",
            "tvmonitor", "tv");

    private final ClassNames dataset;
    private final ClassNames model;
    private final int[] modelIds;

    private ClassMapping(ClassNames dataset, ClassNames model, int[] modelIds) {
        this.dataset = dataset;
        this.model = model;
        this.modelIds = modelIds;
    }

    /** The mapping from {@code dataset}'s ids to {@code model}'s, by name. */
    public static ClassMapping between(ClassNames dataset, ClassNames model) {
        Map<String, Integer> byKey = new HashMap<>();
        for (int id = 0; id < model.size(); id++) {
            byKey.putIfAbsent(key(model.name(id)), id);
        }
        int[] ids = new int[dataset.size()];
        for (int id = 0; id < dataset.size(); id++) {
            String name = dataset.name(id);
            ids[id] = model.idOf(name).orElseGet(() -> byKey.getOrDefault(key(name), -1));
        }
        return new ClassMapping(dataset, model, ids);
    }

    /** The mapping of a names list onto itself. */
    public static ClassMapping identity(ClassNames names) {
        int[] ids = new int[names.size()];
        for (int id = 0; id < ids.length; id++) {
            ids[id] = id;
        }
        return new ClassMapping(names, names, ids);
    }

    /** The model's id for a dataset class id, empty when the model has no such class. */
    public OptionalInt modelId(int datasetId) {
        if (datasetId < 0 || datasetId >= modelIds.length) {
            throw new IndexOutOfBoundsException("dataset class id: " + datasetId
                    + " (expected: 0.." + (modelIds.length - 1) + ")");
        }
        int id = modelIds[datasetId];
        return id < 0 ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** The dataset's class names that the model lacks, each once, in dataset id order. */
    public List<String> unmapped() {
        List<String> names = new ArrayList<>();
        for (int id = 0; id < modelIds.length; id++) {
            if (modelIds[id] < 0 && !names.contains(dataset.name(id))) {
                names.add(dataset.name(id));
            }
        }
        return names;
    }

    /** Whether every dataset id maps to the same model id. */
    public boolean isIdentity() {
        for (int id = 0; id < modelIds.length; id++) {
            if (modelIds[id] != id) {
                return false;
            }
        }
        return true;
    }

    public ClassNames dataset() {
        return dataset;
    }

    public ClassNames model() {
        return model;
    }

    /** The name reduced to lower-case letters and digits, VOC spellings replaced by COCO ones. */
    static String key(String name) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        return ALIASES.getOrDefault(key, key);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int id = 0; id < modelIds.length; id++) {
            if (modelIds[id] != id) {
                text.append(text.isEmpty() ? "" : ", ").append(dataset.name(id)).append(" -> ")
                        .append(modelIds[id] < 0 ? "(none)" : model.name(modelIds[id]));
            }
        }
        return text.isEmpty() ? "identity" : text.toString();
    }
}
