package escaperoutes.chart;

import org.jfree.chart.JFreeChart;

/**
 * One chart of a result folder: the file name it is written under (without extension, as PNG and SVG in
 * {@code charts/}), its title and a caption saying how to read it, for the report.
 */
record Chart(String name, String title, String caption, JFreeChart chart) {
}
