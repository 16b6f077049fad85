package io.acai.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.detection.ClassNames;
import io.acai.detection.SharedData;
import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ClassMappingTest {

    private static final ClassNames VOC = ClassNames.of(List.of("aeroplane", "bicycle", "bird", "boat", "bottle",
            "bus", "car", "cat", "chair", "cow", "diningtable", "dog", "horse", "motorbike", "person",
            "pottedplant", "sheep", "sofa", "train", "tvmonitor"));
    private static final ClassNames ULTRALYTICS_PART = ClassNames.of(List.of("person", "bicycle", "car",
            "motorcycle", "airplane", "bus", "train", "truck", "boat", "cat", "dog", "horse", "sheep", "cow",
            "bottle", "chair", "couch", "potted plant", "bed", "dining table", "tv", "bird"));

    @Test
    void vocNamesFindTheirCocoSpellings() {
        ClassMapping mapping = ClassMapping.between(VOC, ULTRALYTICS_PART);

        assertThat(mapping.unmapped()).isEmpty();
        assertThat(mapping.modelId(0)).isEqualTo(OptionalInt.of(4)); // aeroplane -> airplane
        assertThat(mapping.modelId(10)).isEqualTo(OptionalInt.of(19)); // diningtable -> dining table
        assertThat(mapping.modelId(13)).isEqualTo(OptionalInt.of(3)); // motorbike -> motorcycle
        assertThat(mapping.modelId(15)).isEqualTo(OptionalInt.of(17)); // pottedplant -> potted plant
        assertThat(mapping.modelId(17)).isEqualTo(OptionalInt.of(16)); // sofa -> couch
        assertThat(mapping.modelId(19)).isEqualTo(OptionalInt.of(20)); // tvmonitor -> tv
        assertThat(mapping.modelId(14)).isEqualTo(OptionalInt.of(0)); // person
        assertThat(mapping.isIdentity()).isFalse();
    }

    @Test
    void cocoSpellingsFindVocNamesTheOtherWay() {
        ClassMapping mapping = ClassMapping.between(ULTRALYTICS_PART, VOC);

        assertThat(mapping.unmapped()).containsExactly("truck", "bed");
        assertThat(mapping.modelId(16)).isEqualTo(OptionalInt.of(17)); // couch -> sofa
        assertThat(mapping.modelId(7)).isEmpty();
    }

    @Test
    void darknetCocoNamesAgainstVocNames() throws IOException {
        ClassNames coco = ClassNames.read(SharedData.resolve("data/darknet/data/coco.names"));
        ClassNames voc = ClassNames.read(SharedData.resolve("data/darknet/data/voc.names"));

        ClassMapping mapping = ClassMapping.between(voc, coco);

        // all 20 VOC classes are among the 80 COCO ones, whichever spelling coco.names uses
        assertThat(mapping.unmapped()).isEmpty();
        assertThat(ClassMapping.between(coco, voc).unmapped()).hasSize(60);
    }

    @Test
    void identityMapsEachIdToItself() {
        ClassMapping mapping = ClassMapping.identity(VOC);
        assertThat(mapping.isIdentity()).isTrue();
        assertThat(mapping.toString()).isEqualTo("identity");
        assertThatThrownBy(() -> mapping.modelId(20)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("dataset class id: 20 (expected: 0..19)");
    }
}
