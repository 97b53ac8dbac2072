/**
 * Charts and the report of a result folder. {@link escaperoutes.chart.ResultFolder} reads back what a run,
 * calibration or comparison wrote (and checks it); {@code ChartData} turns it into datasets; {@code Charts} draws
 * them with JFreeChart; {@link escaperoutes.chart.ChartFolder} writes each as PNG and SVG into {@code charts/} and
 * {@code report.html} beside them. Charts only read results: redrawing a folder gives the same pictures.
 */
package escaperoutes.chart;
