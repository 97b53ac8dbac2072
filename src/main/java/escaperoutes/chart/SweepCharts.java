package escaperoutes.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The charts of a sweep folder, for each scalar output: its sensitivity indices with their bootstrap intervals
 * (when the folder has {@code sensitivity.csv}), the output against each parameter's value, and, for a grid of
 * exactly two parameters, a heat map of the mean output over the grid. Charts of one output follow each other, in
 * the order of the spec's outputs.
 */
final class SweepCharts {
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    /** Half the height of a parameter's row that one of its two bars takes (in parameter rows). */
    private static final double BAR_HALF_WIDTH = 0.17;

    private SweepCharts() {
    }

    static List<Chart> all(SweepResults s, Charts.Context ctx) {
        List<Chart> charts = new ArrayList<>();
        for (SweepResults.Output o : s.outputs) {
            if (s.hasIndices()) {
                charts.add(sensitivity(s, o, ctx));
            }
            charts.add(byParameter(s, o, ctx));
            if (s.isTwoParameterGrid()) {
                charts.add(heatMap(s, o, ctx));
            }
        }
        return charts;
    }

    /**
     * Horizontal bars per parameter, first parameter at the top: Sobol first-order and total indices (saltelli),
     * or Morris μ* and σ, with the bootstrap interval of each index that has one as a whisker.
     */
    static Chart sensitivity(SweepResults s, SweepResults.Output o, Charts.Context ctx) {
        boolean morris = s.isMorris();
        String[] indices = morris ? new String[] {SweepResults.MU_STAR, SweepResults.SIGMA}
                : new String[] {SweepResults.FIRST_ORDER, SweepResults.TOTAL};
        String[] names = morris ? new String[] {"μ* (mean |elementary effect|)", "σ (spread of the effects)"}
                : new String[] {"first order (the parameter alone)", "total (with its interactions)"};
        Color[] colours = morris ? new Color[] {Palette.MU_STAR, Palette.SIGMA}
                : new Color[] {Palette.FIRST_ORDER, Palette.TOTAL};
        XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
        YIntervalSeriesCollection whiskers = new YIntervalSeriesCollection();
        for (int k = 0; k < 2; k++) {
            XYIntervalSeries bar = new XYIntervalSeries(names[k]);
            YIntervalSeries whisker = new YIntervalSeries(names[k] + " interval");
            // The first index's bar above the second's in each parameter's row (the axis runs downwards).
            double offset = (k == 0 ? -1 : 1) * (BAR_HALF_WIDTH + 0.01);
            for (int i = 0; i < s.parameters.size(); i++) {
                SweepResults.Index index = s.index(o.name(), s.parameters.get(i).name(), indices[k]);
                if (index == null || Double.isNaN(index.value())) {
                    continue;
                }
                double x = i + offset;
                bar.add(x, x - BAR_HALF_WIDTH, x + BAR_HALF_WIDTH, index.value(), Math.min(0, index.value()),
                        Math.max(0, index.value()));
                if (!Double.isNaN(index.low())) {
                    whisker.add(x, index.value(), index.low(), index.high());
                }
            }
            bars.addSeries(bar);
            whiskers.addSeries(whisker);
        }
        XYBarRenderer barRenderer = Charts.intervalBars();
        XYErrorRenderer whiskerRenderer = new XYErrorRenderer();
        whiskerRenderer.setDrawXError(false);
        whiskerRenderer.setDrawYError(true);
        whiskerRenderer.setDefaultLinesVisible(false);
        whiskerRenderer.setDefaultShapesVisible(false);
        whiskerRenderer.setDefaultSeriesVisibleInLegend(false);
        whiskerRenderer.setErrorPaint(Color.BLACK);
        whiskerRenderer.setErrorStroke(new BasicStroke(1.3f));
        whiskerRenderer.setCapLength(7);
        for (int k = 0; k < 2; k++) {
            barRenderer.setSeriesPaint(k, colours[k]);
        }
        SymbolAxis parameters = new SymbolAxis("parameter", s.parameters.stream()
                .map(SweepResults.Parameter::name).toArray(String[]::new));
        parameters.setInverted(true);
        parameters.setGridBandsVisible(false);
        parameters.setTickLabelFont(LABEL);
        parameters.setRange(-0.6, s.parameters.size() - 0.4);
        NumberAxis value = new NumberAxis(morris ? "elementary effect on " + o.label() + " (per whole range)"
                : "Sobol index of " + o.label() + " (share of its variance)");
        value.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(whiskers, parameters, value, whiskerRenderer);
        plot.setDataset(1, bars);
        plot.setRenderer(1, barRenderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.addRangeMarker(new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1f)));
        Charts.style(plot);
        plot.setDomainGridlinesVisible(false);
        String level = Double.isNaN(s.confidenceLevel) ? "bootstrap"
                : String.format(Locale.ROOT, "%.0f%% bootstrap", 100 * s.confidenceLevel);
        String caption = morris
                ? "Morris screening of " + o.label() + ": μ*, the mean absolute elementary effect (the change of "
                        + "the output when the parameter moves over its whole range, or whole logarithmic range), "
                        + "ranks the parameters by importance; σ, the effects' standard deviation, is large where "
                        + "the effect depends on the other parameters or is not linear. Whiskers: " + level
                        + " interval of μ* over the trajectories."
                : "Sobol indices of " + o.label() + ": the share of its variance over the sweep due to each "
                        + "parameter alone (first order) and with its interactions (total). Whiskers: " + level
                        + " intervals over the base samples; with few samples an estimate can fall a little "
                        + "outside [0, 1].";
        return Charts.finish("sensitivity-" + o.name(), (morris ? "Morris screening: " : "Sensitivity: ")
                + o.label(), caption, plot, ctx, false);
    }

    /**
     * The output of each point (mean over its replications, and each replication faint) against each parameter,
     * one panel per parameter sharing the output axis; a parameter swept on a log scale has a log axis.
     */
    static Chart byParameter(SweepResults s, SweepResults.Output o, Charts.Context ctx) {
        NumberAxis outputAxis = new NumberAxis(o.label());
        outputAxis.setAutoRangeIncludesZero(false);
        outputAxis.setLabelFont(LABEL);
        outputAxis.setTickLabelFont(TICK);
        if (isShare(o)) {
            outputAxis.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        }
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(outputAxis);
        combined.setGap(12);
        double[] means = ChartData.pointMeans(o.values());
        for (int i = 0; i < s.parameters.size(); i++) {
            SweepResults.Parameter parameter = s.parameters.get(i);
            XYSeries each = new XYSeries("each replication", false, true);
            XYSeries mean = new XYSeries("mean over the " + s.replications + " replications", false, true);
            for (int p = 0; p < s.pointCount(); p++) {
                double x = s.points[p][i];
                for (double v : o.values()[p]) {
                    if (!Double.isNaN(v)) {
                        each.add(x, v);
                    }
                }
                if (!Double.isNaN(means[p])) {
                    mean.add(x, means[p]);
                }
            }
            XYSeriesCollection data = new XYSeriesCollection();
            if (s.replications > 1) {
                data.addSeries(each);
            }
            data.addSeries(mean);
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
            // Filled shapes only, no outline drawn over each: a sweep of thousands of runs has thousands of dots
            // per panel, each an element of the SVG. The faint ones are squares, the shortest path in SVG.
            r.setDrawOutlines(false);
            int m = data.getSeriesCount() - 1;
            if (m == 1) {
                r.setSeriesShape(0, new Rectangle2D.Double(-1.5, -1.5, 3, 3));
                r.setSeriesPaint(0, Palette.withAlpha(Palette.ALL, 60));
            }
            r.setSeriesShape(m, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            r.setSeriesPaint(m, Palette.ALL);
            // One legend for the chart: the first panel's.
            r.setDefaultSeriesVisibleInLegend(i == 0);
            // The panel's range axis is the combined plot's, shared and styled above.
            XYPlot panel = new XYPlot(data, parameterAxis(parameter), null, r);
            panel.setBackgroundPaint(Color.WHITE);
            panel.setDomainGridlinePaint(new Color(0xDDDDDD));
            panel.setRangeGridlinePaint(new Color(0xDDDDDD));
            panel.setOutlinePaint(new Color(0xBBBBBB));
            panel.getDomainAxis().setTickLabelFont(TICK);
            combined.add(panel, 1);
        }
        combined.setBackgroundPaint(Color.WHITE);
        combined.setOutlineVisible(false);
        String caption = "Each point of the sweep's " + s.design.replace('_', ' ') + " design: the mean of "
                + o.label() + " over its " + s.replications + " replications (dark)"
                + (s.replications > 1 ? " and each replication (faint)" : "") + ", against the value of each "
                + "parameter; the other parameters vary too, so the spread at one value shows how much they "
                + "matter. Axes of parameters swept on a log scale are logarithmic."
                + (s.isChunk() ? " This chunk (" + s.chunk + ") holds points " + s.firstPoint + "-" + s.lastPoint
                + " only." : "");
        return Charts.finish("by-parameter-" + o.name(), o.label() + " against each parameter", caption, combined,
                ctx, false);
    }

    /** A grid of two parameters: the mean output over replications in each cell, first parameter across. */
    static Chart heatMap(SweepResults s, SweepResults.Output o, Charts.Context ctx) {
        ChartData.GridCells cells = ChartData.gridCells(s, o);
        int n = 0;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] column : cells.mean()) {
            for (double v : column) {
                if (!Double.isNaN(v)) {
                    n++;
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        double[][] xyz = new double[3][n];
        int k = 0;
        for (int i = 0; i < cells.x().length; i++) {
            for (int j = 0; j < cells.y().length; j++) {
                double v = cells.mean()[i][j];
                if (!Double.isNaN(v)) {
                    xyz[0][k] = i;
                    xyz[1][k] = j;
                    xyz[2][k] = v;
                    k++;
                }
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("mean over replications", xyz);
        if (n == 0) {
            low = 0;
            high = 1;
        } else if (low == high) {
            // One colour for every cell; a scale needs some width.
            low -= 0.5;
            high += 0.5;
        }
        SequentialScale scale = new SequentialScale(low, high);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setBlockWidth(1);
        r.setBlockHeight(1);
        r.setBlockAnchor(RectangleAnchor.CENTER);
        r.setPaintScale(scale);
        SweepResults.Parameter px = s.parameters.get(0);
        SweepResults.Parameter py = s.parameters.get(1);
        SymbolAxis x = new SymbolAxis(axisLabel(px), values(cells.x()));
        SymbolAxis y = new SymbolAxis(axisLabel(py), values(cells.y()));
        for (SymbolAxis a : new SymbolAxis[] {x, y}) {
            a.setGridBandsVisible(false);
            a.setTickLabelFont(TICK);
        }
        x.setRange(-0.5, cells.x().length - 0.5);
        y.setRange(-0.5, cells.y().length - 0.5);
        XYPlot plot = new XYPlot(data, x, y, r);
        Charts.style(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setBackgroundPaint(Palette.NO_VALUE);
        Chart chart = Charts.finish("grid-" + o.name(), o.label() + " over the " + px.name() + " × " + py.name()
                + " grid", "Each cell: the mean of " + o.label() + " over the " + s.replications
                + " replications of the grid point with those values of " + px.name() + " and " + py.name()
                + "; the colour scale on the right gives its value. Grid values are evenly spaced in the sweep's "
                + "own scale (logarithmic for a log-scaled parameter)." + (n < cells.x().length * cells.y().length
                ? " Grey cells: no runs in this folder." : ""), plot, ctx, false);
        JFreeChart jfree = chart.chart();
        jfree.removeLegend();
        NumberAxis scaleAxis = new NumberAxis();
        scaleAxis.setRange(low, high);
        scaleAxis.setTickLabelFont(TICK);
        if (isShare(o)) {
            scaleAxis.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        }
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setStripWidth(16);
        legend.setSubdivisionCount(128);
        legend.setMargin(new RectangleInsets(40, 8, 40, 12));
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        jfree.addSubtitle(legend);
        return chart;
    }

    private static ValueAxis parameterAxis(SweepResults.Parameter p) {
        if (p.logScale()) {
            PlainLogAxis axis = new PlainLogAxis(axisLabel(p));
            axis.setLabelFont(LABEL);
            double margin = Math.pow(p.upper() / p.lower(), 0.04);
            axis.setRange(p.lower() / margin, p.upper() * margin);
            return axis;
        }
        NumberAxis axis = new NumberAxis(axisLabel(p));
        axis.setAutoRangeIncludesZero(false);
        axis.setLabelFont(LABEL);
        if (p.levels() == null) {
            double margin = 0.04 * (p.upper() - p.lower());
            axis.setRange(p.lower() - margin, p.upper() + margin);
        }
        return axis;
    }

    private static String axisLabel(SweepResults.Parameter p) {
        return p.name() + (p.logScale() ? " (log scale)" : "");
    }

    /** Grid values as tick labels: three significant digits, plainly written (0.01, 0.0311, 0.333, 100). */
    static String[] values(double[] v) {
        String[] labels = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            labels[i] = new BigDecimal(v[i]).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        }
        return labels;
    }

    private static boolean isShare(SweepResults.Output o) {
        return o.label().startsWith("share of women");
    }

    /**
     * A logarithmic axis whose ticks are round numbers written plainly: 1, 2 and 5 times powers of ten over a
     * decade or more, 1, 1.5, 2, 3, 5 and 7 times over less (0.3, 0.5, 0.7, 1, 1.5), where {@link LogAxis} puts
     * them at even steps of the logarithm (0.016, 0.025, 0.04). A range too narrow for two of those (3.1 to 3.9)
     * gets five ticks evenly spaced in the logarithm, to two significant digits.
     */
    static final class PlainLogAxis extends LogAxis {
        private static final double[] WIDE = {1, 2, 5};
        private static final double[] NARROW = {1, 1.5, 2, 3, 5, 7};

        PlainLogAxis(String label) {
            super(label);
        }

        @Override
        protected List<ValueTick> refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
            return ticks(TextAnchor.TOP_CENTER);
        }

        @Override
        protected List<ValueTick> refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
            return ticks(edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
        }

        private List<ValueTick> ticks(TextAnchor anchor) {
            double low = getRange().getLowerBound();
            double high = getRange().getUpperBound();
            List<Double> values = plainTicks(low, high);
            if (values.size() < 2 && low > 0 && high > low) {
                values = new ArrayList<>();
                for (int k = 0; k < 5; k++) {
                    double v = new BigDecimal(low * Math.pow(high / low, (k + 0.5) / 5)).round(new MathContext(2))
                            .doubleValue();
                    if (values.isEmpty() || values.get(values.size() - 1) != v) {
                        values.add(v);
                    }
                }
            }
            List<ValueTick> ticks = new ArrayList<>();
            for (double v : values) {
                ticks.add(new NumberTick(TickType.MAJOR, v, plain(v), anchor, TextAnchor.CENTER, 0));
            }
            return ticks;
        }

        /** The round numbers in [low, high] (both > 0), increasing. */
        static List<Double> plainTicks(double low, double high) {
            double[] mantissas = Math.log10(high / low) >= 1 ? WIDE : NARROW;
            List<Double> ticks = new ArrayList<>();
            for (int k = (int) Math.floor(Math.log10(low)); k <= (int) Math.ceil(Math.log10(high)); k++) {
                for (double m : mantissas) {
                    // Through BigDecimal so that 3 × 10^-2 is 0.03, not 0.030000000000000002.
                    double v = new BigDecimal(m).scaleByPowerOfTen(k).doubleValue();
                    if (v >= low && v <= high) {
                        ticks.add(v);
                    }
                }
            }
            return ticks;
        }

        private static String plain(double v) {
            return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        }
    }

    /**
     * A perceptually even sequential scale (viridis, from dark purple through teal to yellow) from {@code low} to
     * {@code high}; NaN gets the grey of a cell without a value.
     */
    static final class SequentialScale implements PaintScale {
        private static final Color[] STOPS = {new Color(0x440154), new Color(0x3B528B), new Color(0x21908C),
                new Color(0x5DC963), new Color(0xFDE725)};
        private final double low;
        private final double high;

        SequentialScale(double low, double high) {
            this.low = low;
            this.high = high;
        }

        @Override
        public double getLowerBound() {
            return low;
        }

        @Override
        public double getUpperBound() {
            return high;
        }

        @Override
        public Paint getPaint(double value) {
            if (Double.isNaN(value)) {
                return Palette.NO_VALUE;
            }
            double t = Math.max(0, Math.min(1, (value - low) / (high - low))) * (STOPS.length - 1);
            int i = Math.min((int) t, STOPS.length - 2);
            double f = t - i;
            Color a = STOPS[i];
            Color b = STOPS[i + 1];
            return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
        }
    }
}
