package io.acai.dataset;

import io.acai.detection.BoundingBox;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One Pascal VOC XML annotation: the image's file name and its objects by class name. Boxes are
 * VOC's 1-based inclusive pixel corners, turned into a box from {@code xmin - 1} to {@code xmax}.
 * The XML is parsed by the JDK's DOM parser with DTDs, external entities and XInclude disabled.
 *
 * @param file the XML file
 * @param imageName the {@code <filename>}, empty when absent
 * @param objects the valid objects
 */
record VocAnnotation(Path file, String imageName, List<NamedBox> objects) {

    /** An object by class name, its box in pixels. */
    record NamedBox(String name, BoundingBox box) {
    }

    /** A parser with DTDs, external entities and XInclude disabled; one per thread. */
    static DocumentBuilder newParser() {
        try {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refuses the secure settings", e);
        }
    }

    /** Parses {@code file}; invalid objects are added to {@code skipped}, an unparseable file throws. */
    static VocAnnotation read(DocumentBuilder parser, Path file, List<SkippedFile> skipped) throws AnnotationException {
        Document document;
        try {
            parser.reset();
            parser.setErrorHandler(new DefaultHandler());
            document = parser.parse(file.toFile());
        } catch (SAXParseException e) {
            throw new AnnotationException(new SkippedFile(file, Math.max(0, e.getLineNumber()),
                    "malformed XML: " + e.getMessage()));
        } catch (SAXException | IOException e) {
            throw new AnnotationException(SkippedFile.whole(file, "unreadable XML: " + e.getMessage()));
        }
        Element root = document.getDocumentElement();
        if (!root.getTagName().equals("annotation")) {
            throw new AnnotationException(SkippedFile.whole(file, "root element <" + root.getTagName()
                    + "> (expected: <annotation>)"));
        }
        List<NamedBox> objects = new ArrayList<>();
        List<Element> elements = children(root, "object");
        for (int i = 0; i < elements.size(); i++) {
            try {
                objects.add(object(elements.get(i)));
            } catch (IllegalArgumentException e) {
                skipped.add(SkippedFile.whole(file, "object " + (i + 1) + ": " + e.getMessage()));
            }
        }
        return new VocAnnotation(file, text(root, "filename"), objects);
    }

    private static NamedBox object(Element object) {
        String name = text(object, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("no <name>");
        }
        List<Element> boxes = children(object, "bndbox");
        if (boxes.isEmpty()) {
            throw new IllegalArgumentException(name + ": no <bndbox>");
        }
        Element box = boxes.get(0);
        double xmin = coordinate(name, box, "xmin");
        double ymin = coordinate(name, box, "ymin");
        double xmax = coordinate(name, box, "xmax");
        double ymax = coordinate(name, box, "ymax");
        if (xmax < xmin || ymax < ymin) {
            throw new IllegalArgumentException(name + ": box (" + xmin + ", " + ymin + ")-(" + xmax + ", " + ymax
                    + ") (expected: xmin <= xmax and ymin <= ymax)");
        }
        return new NamedBox(name, new BoundingBox(xmin - 1, ymin - 1, xmax - xmin + 1, ymax - ymin + 1));
    }

    private static double coordinate(String name, Element box, String tag) {
        String text = text(box, tag);
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": <" + tag + "> '" + text + "' (expected: a pixel coordinate)");
        }
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(name + ": <" + tag + "> " + text + " (expected: >= 0)");
        }
        return value;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static String text(Element parent, String tag) {
        List<Element> elements = children(parent, tag);
        return elements.isEmpty() ? "" : elements.get(0).getTextContent().strip();
    }

    private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }

    /** An annotation file that cannot be used at all. */
    static final class AnnotationException extends Exception {

        private final SkippedFile skipped;

        AnnotationException(SkippedFile skipped) {
            super(skipped.toString());
            this.skipped = skipped;
        }

        SkippedFile skipped() {
            return skipped;
        }
    }
}
