package io.acai.edge.source;

import io.acai.dataset.Dataset;
import io.acai.dataset.DatasetEntry;
import io.acai.dataset.DatasetSplit;
import io.acai.detection.LabeledFrame;
import io.acai.scenes.PhotoDrift;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The photos of a dataset that no one holds out ({@link DatasetSplit}: the cloud scores its versions on the others),
 * in order, over and over; an image that does not decode is passed over. With a {@link PhotoDrift}, frames from
 * {@code driftStart} on are the drifted camera's (night, noise, blur), or, for a class-mix drift, the photos holding
 * one of its classes (before it, the photos holding none).
 */
public final class DatasetFrames implements FrameSource {

    private final Dataset dataset;
    private final Optional<PhotoDrift> drift;
    private final long driftStart;
    private final List<DatasetEntry> before;
    private final List<DatasetEntry> after;

    /** The dataset's served photos without drift. */
    public DatasetFrames(Dataset dataset) {
        this(dataset, Optional.empty(), 0);
    }

    public DatasetFrames(Dataset dataset, Optional<PhotoDrift> drift, long driftStart) {
        if (dataset.size() == 0) {
            throw new IllegalArgumentException("--data : " + dataset.root() + " holds no images");
        }
        List<DatasetEntry> served = DatasetSplit.served(dataset);
        if (served.isEmpty()) {
            throw new IllegalArgumentException("--data : " + dataset.root() + ": every image is held out for the cloud");
        }
        this.dataset = dataset;
        this.drift = drift;
        this.driftStart = driftStart;
        if (drift.isPresent() && drift.get().classMix()) {
            this.before = served.stream().filter(e -> !holds(e, drift.get())).toList();
            this.after = served.stream().filter(e -> holds(e, drift.get())).toList();
            if (before.isEmpty() || after.isEmpty()) {
                throw new IllegalArgumentException("--data-drift : " + drift.get() + ": " + (before.isEmpty()
                        ? "every" : "no") + " served photo of " + dataset.root() + " holds one of those classes");
            }
        } else {
            this.before = served;
            this.after = served;
        }
    }

    private boolean holds(DatasetEntry entry, PhotoDrift drift) {
        return entry.objects().stream().anyMatch(o -> {
            OptionalInt id = dataset.mapping().modelId(o.classId());
            return id.isPresent() && drift.classes().contains(dataset.modelNames().name(id.getAsInt()));
        });
    }

    @Override
    public LabeledFrame frame(long index) throws IOException {
        boolean drifted = drift.isPresent() && index >= driftStart;
        List<DatasetEntry> entries = drifted ? after : before;
        long position = drifted ? index - driftStart : index;
        IOException first = null;
        for (int attempt = 0; attempt < entries.size(); attempt++) {
            try {
                LabeledFrame frame = dataset.load(entries.get((int) ((position + attempt) % entries.size())));
                return drifted ? drift.get().apply(frame, index) : frame;
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        throw new IOException(dataset.root() + ": no image decodes", first);
    }

    @Override
    public String describe() {
        return "dataset " + dataset.summary() + ", " + before.size() + " photos served ("
                + DatasetSplit.heldOut(dataset).size() + " held out for the cloud)"
                + drift.map(d -> ", drift " + d + " from frame " + driftStart
                        + (d.classMix() ? " (" + after.size() + " photos after it)" : "")).orElse("");
    }
}
