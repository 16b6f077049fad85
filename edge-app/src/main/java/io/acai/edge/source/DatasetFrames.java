package io.acai.edge.source;

import io.acai.dataset.Dataset;
import io.acai.detection.LabeledFrame;
import java.io.IOException;

/** The images of a dataset in order, over and over; an image that does not decode is passed over. */
public final class DatasetFrames implements FrameSource {

    private final Dataset dataset;

    public DatasetFrames(Dataset dataset) {
        if (dataset.size() == 0) {
            throw new IllegalArgumentException("--data : " + dataset.root() + " holds no images");
        }
        this.dataset = dataset;
    }

    @Override
    public LabeledFrame frame(long index) throws IOException {
        IOException first = null;
        for (int attempt = 0; attempt < dataset.size(); attempt++) {
            try {
                return dataset.load((int) ((index + attempt) % dataset.size()));
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        throw new IOException(dataset.root() + ": no image decodes", first);
    }

    @Override
    public String describe() {
        return "dataset " + dataset.summary();
    }
}
