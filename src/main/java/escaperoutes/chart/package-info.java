/**
 * Charts and the report of a result folder. {@link escaperoutes.chart.ResultFolder} reads back what a run,
 * calibration, comparison or sweep wrote (and checks it; a sweep's tables through {@code SweepResults});
 * {@code ChartData} turns it into datasets; {@code Charts} (and {@code SweepCharts}, a sweep's) draws them with
 * JFreeChart; {@link escaperoutes.chart.ChartFolder} writes each as PNG and SVG into {@code charts/} and
 * {@code report.html} beside them. Charts only read results: redrawing a folder gives the same pictures.
 */
package escaperoutes.chart;
