/**
 * Charts and the report of a result folder. {@link escaperoutes.chart.ResultFolder} reads back what a run,
 * calibration, posterior, comparison or sweep wrote (and checks it; a posterior's own tables through
 * {@code PosteriorTables}, a sweep's through {@code SweepResults}), by the file and column names of
 * {@link escaperoutes.io.ResultTable}; {@code ChartData} turns it into datasets; {@code Charts} (and
 * {@code PosteriorCharts}, a posterior sampler's, and {@code SweepCharts}, a sweep's) draws them with JFreeChart;
 * {@link escaperoutes.chart.ChartFolder} writes each as PNG and SVG into {@code charts/} and {@code report.html}
 * beside them. A job that has just written its tables hands them over in memory
 * ({@code ChartFolder.draw(dir, tables, baseline)}) and they are not parsed again; the {@code chart} command reads
 * the folder. Either way the same tables draw the same bytes. Charts only read results; this package imports only
 * {@code io}, {@code stats}, JFreeChart, Batik and Jackson.
 */
package escaperoutes.chart;
