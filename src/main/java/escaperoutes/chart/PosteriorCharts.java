package escaperoutes.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a posterior folder's sampler, from {@link PosteriorTables}: each parameter's posterior against its
 * prior, the most correlated pairs of parameters, and the tolerance and acceptance rate by generation. (The folder's
 * run, fit and evidence charts, of its posterior predictive runs, are {@link Charts}'.) Every chart is named
 * {@code posterior-...}, which is how the report finds them for its Posterior section.
 */
final class PosteriorCharts {
    /** Every chart of this class is named with this prefix. */
    static final String PREFIX = "posterior-";
    /** Bins of a parameter's histogram, of equal width in its search coordinate. */
    static final int HISTOGRAM_BINS = 20;
    /** Pairs of parameters drawn, those with the largest |r|. */
    static final int PAIRS = 3;
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font MARKER = new Font(Font.SANS_SERIF, Font.ITALIC, 11);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private PosteriorCharts() {
    }

    static List<Chart> all(PosteriorTables t, Charts.Context ctx) {
        List<Chart> charts = new ArrayList<>();
        List<String> names = parameterChartNames(t);
        for (int i = 0; i < t.parameters.size(); i++) {
            charts.add(parameter(t, i, names.get(i), ctx));
        }
        double[][] unit = new double[t.parameters.size()][];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = t.unitValues(i);
        }
        List<ChartData.Pair> pairs = ChartData.strongestPairs(unit, t.weights, PAIRS);
        for (int k = 0; k < pairs.size(); k++) {
            charts.add(pair(t, pairs.get(k), k + 1, pairs.size(), ctx));
        }
        charts.add(generations(t, ctx));
        return charts;
    }

    /**
     * Each parameter's chart name: {@code posterior-parameter-} and its path as a file name
     * ({@code $.legs[18].arrest} → {@code posterior-parameter-legs-18-arrest}), numbered on where two paths give
     * the same name (letter case aside, for file systems that ignore it).
     */
    static List<String> parameterChartNames(PosteriorTables t) {
        List<String> names = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (PosteriorTables.Parameter p : t.parameters) {
            String slug = p.path().replaceFirst("^\\$\\.?", "").replaceAll("[^A-Za-z0-9_]+", "-")
                    .replaceAll("^-+|-+$", "");
            String base = PREFIX + "parameter-" + (slug.isEmpty() ? "value" : slug);
            String name = base;
            for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "-" + n;
            }
            names.add(name);
        }
        return names;
    }

    /**
     * The posterior of one parameter — a weighted histogram of the last generation over bins of equal width in its
     * search coordinate, as density per unit of that coordinate — against the prior's density on the same footing,
     * with the posterior's median and 90 % interval; the x axis in the parameter's units, logarithmic for a
     * log-scale parameter (where bins of equal width in the logarithm look equally wide).
     */
    static Chart parameter(PosteriorTables t, int i, String name, Charts.Context ctx) {
        PosteriorTables.Parameter p = t.parameters.get(i);
        double[] density = ChartData.unitHistogram(t.unitValues(i), t.weights, HISTOGRAM_BINS);
        XYIntervalSeries histogram = new XYIntervalSeries("posterior (generation " + t.lastGeneration + ", "
                + t.weights.length + " particles by weight)");
        for (int b = 0; b < HISTOGRAM_BINS; b++) {
            double from = p.valueAt((double) b / HISTOGRAM_BINS);
            double to = p.valueAt((double) (b + 1) / HISTOGRAM_BINS);
            histogram.add(p.valueAt((b + 0.5) / HISTOGRAM_BINS), from, to, density[b], 0, density[b]);
        }
        XYBarRenderer bars = Charts.intervalBars();
        // A sliver between bins, so that neighbouring bins of the same height still read as bins.
        bars.setMargin(0.06);
        bars.setSeriesPaint(0, Palette.withAlpha(Palette.POSTERIOR, 170));
        XYSeries prior = new XYSeries("prior (" + p.prior().replace('_', '-') + ")", false, true);
        PosteriorTables.PriorDensity d = t.priorDensities.get(i);
        for (int k = 0; k < d.values().length; k++) {
            prior.add(d.values()[k], d.densities()[k]);
        }
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, Palette.PRIOR);
        line.setSeriesStroke(0, new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                new float[] {7f, 5f}, 0f));
        NumberAxis y = new NumberAxis("density per unit of the search range (1 = flat)");
        y.setAutoRangeIncludesZero(true);
        // Room above the tallest bar for the markers' labels.
        y.setUpperMargin(0.14);
        XYIntervalSeriesCollection histogramData = new XYIntervalSeriesCollection();
        histogramData.addSeries(histogram);
        XYPlot plot = new XYPlot(histogramData, parameterAxis(p), y, bars);
        plot.setDataset(1, new XYSeriesCollection(prior));
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        IntervalMarker interval = new IntervalMarker(p.p05(), p.p95(), Palette.withAlpha(Palette.POSTERIOR, 28));
        // The two labels at different heights, so that they never overlap however close the median is to an end.
        label(interval, "90% interval", RectangleAnchor.TOP_LEFT, 4);
        plot.addDomainMarker(interval, Layer.BACKGROUND);
        ValueMarker median = new ValueMarker(p.p50(), Palette.POSTERIOR, new BasicStroke(2f));
        label(median, "median", RectangleAnchor.TOP_RIGHT, 20);
        plot.addDomainMarker(median, Layer.FOREGROUND);
        Charts.style(plot);
        Chart chart = Charts.finish(name, "Posterior of " + p.path(), "Bars: the posterior of "
                + p.path() + ", a histogram of the last generation's " + t.weights.length + " particles by weight "
                + "over " + HISTOGRAM_BINS + " bins of equal width on the search scale (" + (p.logScale()
                ? "in the logarithm: the axis is logarithmic" : "linear") + "), as density per unit of that "
                + "scale; dashed line: the prior's density on the same footing, so the bars rise above it where the "
                + "data favour those values. Shaded: the posterior's 90% interval; line: its median (from "
                + "posterior-summary.csv). Width ratio: the posterior's 90% width over the prior's, on the search "
                + "scale.", plot, ctx, false);
        chart.chart().addSubtitle(subtitle("median " + Report.significant(p.p50()) + ", 90% interval "
                + Report.significant(p.p05()) + " to " + Report.significant(p.p95()) + "  ·  prior "
                + p.prior().replace('_', '-') + ", 90% " + Report.significant(p.priorLow()) + " to "
                + Report.significant(p.priorHigh()) + "  ·  width ratio " + ratio(p.widthRatio())));
        return chart;
    }

    /**
     * The last generation's particles at their values of two parameters, darker where a particle weighs more,
     * with their weighted correlation (in the search coordinates) in the subtitle.
     */
    static Chart pair(PosteriorTables t, ChartData.Pair pair, int rank, int shown, Charts.Context ctx) {
        PosteriorTables.Parameter px = t.parameters.get(pair.first());
        PosteriorTables.Parameter py = t.parameters.get(pair.second());
        XYSeries points = new XYSeries("particle of the last generation (darker: more weight)", false, true);
        for (int k = 0; k < t.weights.length; k++) {
            points.add(t.values[pair.first()][k], t.values[pair.second()][k]);
        }
        WeightShaded r = new WeightShaded(t.weights, Palette.POSTERIOR);
        r.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        r.setSeriesPaint(0, Palette.POSTERIOR);
        r.setDrawOutlines(false);
        ValueAxis y = parameterAxis(py);
        XYPlot plot = new XYPlot(new XYSeriesCollection(points), parameterAxis(px), y, r);
        Charts.style(plot);
        int pairsInAll = t.parameters.size() * (t.parameters.size() - 1) / 2;
        Chart chart = Charts.finish(PREFIX + "pair-" + rank, "Posterior: correlated parameters, pair " + rank
                + " of " + shown + " (r = " + correlation(pair.correlation()) + ")", "Each particle of the last "
                + "generation (the posterior sample) at its values of " + px.path() + " and " + py.path()
                + ", darker the more it weighs. r: their weighted Pearson correlation in the search coordinates "
                + "(the logarithm of a log-scale parameter). Near +1 or −1 the data pin down a combination of the "
                + "two rather than each alone; near 0 they are learnt apart. Of the " + pairsInAll + " pairs, the "
                + shown + " with the largest |r| are drawn.", plot, ctx, false);
        chart.chart().addSubtitle(subtitle("x: " + px.path() + "  ·  y: " + py.path() + "  ·  weighted r = "
                + correlation(pair.correlation())));
        return chart;
    }

    /**
     * Each generation's tolerance (the distance a proposal had to beat; log axis on the left; generation 0 has
     * none, it keeps every successful draw from the prior) and acceptance rate (the share of its simulations kept;
     * right axis).
     */
    static Chart generations(PosteriorTables t, Charts.Context ctx) {
        XYSeries tolerance = new XYSeries("tolerance (distance to beat)", false, true);
        XYSeries acceptance = new XYSeries("acceptance rate (share of simulations kept)", false, true);
        boolean positive = true;
        for (PosteriorTables.Generation g : t.generations) {
            if (Double.isFinite(g.tolerance())) {
                tolerance.add(g.generation(), g.tolerance());
                positive &= g.tolerance() > 0;
            }
            acceptance.add(g.generation(), g.acceptanceRate());
        }
        NumberAxis x = new NumberAxis("generation");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setRange(-0.5, t.generations.size() - 0.5);
        ValueAxis left;
        boolean logarithmic = positive && tolerance.getItemCount() > 0;
        if (logarithmic) {
            left = new SweepCharts.PlainLogAxis("tolerance (distance, log scale)");
            double low = tolerance.getMinY();
            double high = tolerance.getMaxY();
            // 8% of the range's logarithm as margin at each end; a single tolerance gets a factor of 2 either side.
            double margin = high > low ? Math.pow(high / low, 0.08) : 2;
            left.setRange(low / margin, high * margin);
        } else {
            left = new NumberAxis("tolerance (distance)");
            ((NumberAxis) left).setAutoRangeIncludesZero(true);
        }
        NumberAxis right = new NumberAxis("acceptance rate");
        right.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        right.setAutoRangeIncludesZero(true);
        right.setLabelFont(LABEL);
        XYLineAndShapeRenderer toleranceLine = new XYLineAndShapeRenderer(true, true);
        toleranceLine.setSeriesPaint(0, Palette.TOLERANCE);
        toleranceLine.setSeriesStroke(0, new BasicStroke(2.4f));
        toleranceLine.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        XYLineAndShapeRenderer acceptanceLine = new XYLineAndShapeRenderer(true, true);
        acceptanceLine.setSeriesPaint(0, Palette.ACCEPTANCE);
        acceptanceLine.setSeriesStroke(0, new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                10f, new float[] {7f, 5f}, 0f));
        acceptanceLine.setSeriesShape(0, new Rectangle2D.Double(-4, -4, 8, 8));
        XYPlot plot = new XYPlot(new XYSeriesCollection(tolerance), x, left, toleranceLine);
        plot.setRangeAxis(1, right);
        plot.setDataset(1, new XYSeriesCollection(acceptance));
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, acceptanceLine);
        Charts.style(plot);
        return Charts.finish(PREFIX + "generations", "Posterior: tolerance and acceptance rate by generation",
                "Solid, left axis" + (logarithmic ? " (logarithmic)" : "") + ": the tolerance of each generation, the distance (the calibration's "
                        + "loss) a proposal had to beat to be kept; generation 0 keeps every successful draw from "
                        + "the prior and has none. Dashed, right axis: the share of each generation's simulations "
                        + "that were kept. A tolerance still falling steeply at the last generation means the "
                        + "sampler stopped before the posterior had settled.", plot, ctx, false);
    }

    /** A parameter's axis in its units over its search interval: logarithmic for a log-scale parameter. */
    private static ValueAxis parameterAxis(PosteriorTables.Parameter p) {
        ValueAxis axis;
        if (p.logScale()) {
            axis = new SweepCharts.PlainLogAxis(p.path() + " (log scale)");
            double margin = Math.pow(p.upper() / p.lower(), 0.02);
            axis.setRange(p.lower() / margin, p.upper() * margin);
        } else {
            NumberAxis linear = new NumberAxis(p.path());
            linear.setAutoRangeIncludesZero(false);
            double margin = 0.02 * (p.upper() - p.lower());
            linear.setRange(p.lower() - margin, p.upper() + margin);
            axis = linear;
        }
        axis.setLabelFont(LABEL);
        return axis;
    }

    private static TextTitle subtitle(String text) {
        TextTitle title = new TextTitle(text, SUBTITLE);
        title.setPaint(Color.DARK_GRAY);
        title.setMargin(new RectangleInsets(2, 0, 4, 0));
        return title;
    }

    /** A marker's label, {@code fromTop} pixels below the plot's top, starting at its {@code anchor}. */
    private static void label(Marker marker, String text, RectangleAnchor anchor, double fromTop) {
        marker.setLabel(text);
        marker.setLabelFont(MARKER);
        marker.setLabelPaint(Palette.POSTERIOR);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 200));
        marker.setLabelAnchor(anchor);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        marker.setLabelOffset(new RectangleInsets(fromTop, 4, 0, 4));
    }

    /** A correlation with its sign: {@code +0.83}, {@code −0.41}. */
    static String correlation(double r) {
        return String.format(Locale.ROOT, "%+.2f", r).replace('-', '−');
    }

    /** A width ratio to two decimals ({@code 0.31}); NA where there is none. */
    static String ratio(double v) {
        return Double.isNaN(v) ? "NA" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Points shaded by their particle's weight: the heaviest opaque, the lightest faint but visible. */
    private static final class WeightShaded extends XYLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;
        private final double[] weights;
        private final double heaviest;
        private final Color colour;

        WeightShaded(double[] weights, Color colour) {
            super(false, true);
            this.weights = weights.clone();
            this.colour = colour;
            double max = 0;
            for (double w : weights) {
                max = Math.max(max, w);
            }
            this.heaviest = max;
        }

        @Override
        public Paint getItemPaint(int series, int item) {
            // Alpha 45 to 255 in proportion to the weight: equal weights all draw at full strength.
            double share = heaviest > 0 ? weights[item] / heaviest : 1;
            return Palette.withAlpha(colour, (int) Math.round(45 + 210 * share));
        }
    }
}
