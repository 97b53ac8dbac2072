package escaperoutes.chart;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Document;

/** Writes a chart as PNG (for the report and slides) and SVG (for print and editing). */
final class ChartImages {
    /** Pixels of the PNG and the SVG's canvas; wide enough for 33 years of labelled bars. */
    static final int WIDTH = 1000;
    static final int HEIGHT = 560;
    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    private ChartImages() {
    }

    static void writePng(JFreeChart chart, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        }
    }

    static void writeSvg(JFreeChart chart, Path file) throws IOException {
        Document document;
        try {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument(SVG_NAMESPACE, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML document builder for SVG: " + e.getMessage(), e);
        }
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setComment("escape-routes chart: " + chart.getTitle().getText());
        // Text as text (searchable, editable), not as glyph outlines.
        SVGGraphics2D svg = new SVGGraphics2D(context, false);
        svg.setSVGCanvasSize(new Dimension(WIDTH, HEIGHT));
        chart.draw(svg, new Rectangle(0, 0, WIDTH, HEIGHT));
        try (Writer out = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8)) {
            svg.stream(out, true);
        } finally {
            svg.dispose();
        }
    }
}
