package escaperoutes.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.CategoryTableXYDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The charts of a result folder, built from {@link ChartData} only. Years run along the x axis as calendar years;
 * every chart carries the scenario, seed and replications in a footer, and shades the fit and hold-out windows (a
 * calibration, a posterior) and the projected years (after the last observed year) where they apply. A posterior
 * folder's run charts are of its posterior predictive runs (replication r at posterior draw r), and say so; its
 * sampler's charts are {@link PosteriorCharts}'.
 */
final class Charts {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    private static final Font FOOTER = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font MARKER = new Font(Font.SANS_SERIF, Font.ITALIC, 11);
    /** Opacity of a band; where the 50 % band lies over the 90 % one the two add up to a darker shade. */
    private static final float BAND_ALPHA = 0.28f;
    /** The evidence chart's name, under which the report shows it beside the evidence table. */
    static final String EVIDENCE = "evidence";

    private Charts() {
    }

    /** Every chart the folder's data supports, in report order. */
    static List<Chart> all(ResultFolder f) {
        List<Chart> charts = new ArrayList<>();
        Context ctx = Context.of(f);
        if (f.run != null) {
            ResultFolder.RunTables run = f.run;
            charts.add(arrivals(run, ctx));
            charts.add(arrivalsBySex(run, ctx));
            charts.add(shareWomen(run, ctx));
            charts.add(stacked("routes", "Arrivals in South Korea by exit route",
                    "Mean over replications of each year's arrivals, by the first country outside North Korea and "
                            + "China on the successful trip (direct: by sea, across the DMZ, or by air).",
                    "arrivals (persons per year)", "year of arrival", ChartData.largestFirst(run.routes),
                    run.firstYear, (name, i) -> Palette.route(name, i), ctx));
            Map<String, Integer> provinceOrder = new java.util.HashMap<>();
            run.origins.keySet().forEach(p -> provinceOrder.put(p, provinceOrder.size()));
            charts.add(stacked("origins", "Arrivals in South Korea by province of origin",
                    "Mean over replications of each year's arrivals, by the province the person left from.",
                    "arrivals (persons per year)", "year of arrival", ChartData.largestFirst(run.origins),
                    run.firstYear, (name, i) -> Palette.sequence(provinceOrder.get(name)), ctx));
            charts.add(inChina(run, ctx));
            charts.add(repatriations(run, ctx));
            if (run.cohorts != null) {
                charts.add(stacked("cohorts", "What became of each year's crossers",
                        "People who first crossed from North Korea into China in each year, by where they were at "
                                + "the end of the run (mean over replications). Recent cohorts are still on the "
                                + "way; the initial stock already in China is not a cohort.",
                        "persons", "year of first crossing into China", run.cohorts, run.firstYear,
                        (name, i) -> Palette.outcome(name, i), ctx));
            }
        }
        if (f.calibration != null) {
            if (f.calibration.losses.length > 0) {
                charts.add(loss(f.calibration, ctx));
            }
            charts.add(fitErrors(f.calibration.fit, ctx));
            if (f.calibration.evidence != null && !f.calibration.evidence.isEmpty()) {
                charts.add(evidence(f.calibration.evidence, ctx));
            }
        }
        if (f.posterior != null) {
            charts.add(fitErrors(f.posterior.fit, ctx));
            if (f.posterior.evidence != null && !f.posterior.evidence.isEmpty()) {
                charts.add(evidence(f.posterior.evidence, ctx));
            }
            charts.addAll(PosteriorCharts.all(f.posterior, ctx));
        }
        if (f.comparison != null) {
            charts.addAll(comparison(f.comparison, ctx));
        }
        if (f.sweep != null) {
            charts.addAll(SweepCharts.all(f.sweep, ctx));
        }
        return charts;
    }

    /**
     * What every chart of one folder shares: the footer, the windows and the projection to shade, and whether its
     * runs are a posterior's predictive runs, each at its own draw of the parameters ({@code predictive}), and
     * whether they are a scenario scored as it stands, nothing searched ({@code scored}).
     */
    record Context(String footer, int[] fitWindow, int[] holdOutWindow, int firstProjectedYear, int firstYear,
                   int lastYear, boolean predictive, boolean scored) {
        static Context of(ResultFolder f) {
            // A calibration's manifest gives the replications per evaluation; its charts show the final runs.
            long replications = f.run != null ? f.run.replications : f.manifest.path("replications").asLong(0);
            boolean predictive = f.kind == ResultFolder.Kind.POSTERIOR;
            String footer = "escape-routes " + f.manifest.path("programVersion").asText("") + "  ·  "
                    + switch (f.kind) {
                        case COMPARISON -> "scenarios: ";
                        case SWEEP -> "sweep: ";
                        case POSTERIOR -> "posterior of: ";
                        default -> "scenario: ";
                    } + f.title()
                    + (f.sweep == null ? "" : " (" + f.sweep.design.replace('_', ' ') + ", " + f.sweep.pointCount()
                            + " points)")
                    + "  ·  seed " + f.seed() + (replications <= 0 ? "" : predictive && f.run != null
                            ? "  ·  " + replications + " posterior predictive runs"
                            : "  ·  " + replications + " replications");
            int[] fit = f.window("fit");
            int[] holdOut = f.window("hold-out");
            int firstProjected = Integer.MAX_VALUE;
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            if (f.run != null) {
                int lastObserved = f.run.lastObservedYear();
                firstProjected = lastObserved == Integer.MIN_VALUE ? Integer.MAX_VALUE : lastObserved + 1;
                first = f.run.firstYear;
                last = f.run.lastYear;
            } else if (f.comparison != null) {
                firstProjected = f.comparison.projected.isEmpty() ? Integer.MAX_VALUE : f.comparison.projected.first();
                first = f.comparison.firstYear;
                last = f.comparison.lastYear;
            }
            return new Context(footer, fit, holdOut, firstProjected, first, last, predictive,
                    f.kind == ResultFolder.Kind.SCORE);
        }
    }

    static Chart arrivals(ResultFolder.RunTables run, Context ctx) {
        Band band = ChartData.arrivals(run, "all");
        XYPlot plot = bandPlot(List.of(new Named(ctx.predictive() ? "posterior predictive" : "simulated", band,
                Palette.ALL)), "arrivals (persons per year)", "year of arrival");
        addObserved(plot, ChartData.observed(run, "all"), "observed (Ministry of Unification)");
        return finish("arrivals", ctx.predictive() ? "Arrivals in South Korea: posterior predictive and observed"
                        : "Arrivals in South Korea: simulated and observed",
                "Line: simulated median; dark band: 50% of replications; light band: 90%. Points: the Ministry of "
                        + "Unification's count (years it reports singly)." + predictiveNote(ctx), plot, ctx, true);
    }

    /**
     * A run chart's title, marked as the posterior predictive where the folder's runs are a posterior's: each at
     * its own draw of the parameters, not one scenario replicated.
     */
    static String runTitle(String title, Context ctx) {
        return ctx.predictive() ? title + " (posterior predictive)" : title;
    }

    /** What a posterior's run charts add to their caption: what their replications are. */
    static String predictiveNote(Context ctx) {
        return ctx.predictive() ? " Posterior predictive: replication r ran at the r-th draw from the posterior, so "
                + "the spread holds the parameters' uncertainty as well as the model's own randomness." : "";
    }

    static Chart arrivalsBySex(ResultFolder.RunTables run, Context ctx) {
        XYPlot plot = bandPlot(List.of(new Named("women", ChartData.arrivals(run, "female"), Palette.WOMEN),
                new Named("men", ChartData.arrivals(run, "male"), Palette.MEN)),
                "arrivals (persons per year)", "year of arrival");
        addObserved(plot, ChartData.observed(run, "female"), "observed women", Palette.WOMEN.darker());
        addObserved(plot, ChartData.observed(run, "male"), "observed men", Palette.MEN.darker());
        return finish("arrivals-by-sex", runTitle("Arrivals in South Korea by sex", ctx),
                "Lines: simulated medians of women and of men, with their 50% and 90% bands. Points: the Ministry of "
                        + "Unification's counts of women and men." + predictiveNote(ctx), plot, ctx, true);
    }

    static Chart shareWomen(ResultFolder.RunTables run, Context ctx) {
        Band band = ChartData.shareWomen(run);
        XYPlot plot = bandPlot(List.of(new Named("simulated share of women", band, Palette.WOMEN)),
                "share of women among arrivals", "year of arrival");
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(NumberFormat.getPercentInstance());
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1);
        addObserved(plot, ChartData.observedShareWomen(run), "observed share of women");
        return finish("share-women", runTitle("Share of women among arrivals", ctx),
                "Line: simulated median of each replication's share; dark band: 50% of replications; light "
                        + "band: 90%. Points: the Ministry of Unification's share." + predictiveNote(ctx), plot, ctx,
                true);
    }

    static Chart inChina(ResultFolder.RunTables run, Context ctx) {
        XYPlot plot = bandPlot(List.of(
                new Named("hiding in China", ChartData.measure(run, "hiding_china_end"), Palette.HIDING),
                new Named("held by China", ChartData.measure(run, "detained_china_end"), Palette.DETAINED)),
                "persons at the end of the year", "year");
        return finish("in-china", runTitle("North Koreans in China at the end of each year", ctx),
                "Hiding and held (detained) by China on 31 December; median with 50% and 90% bands."
                        + predictiveNote(ctx), plot, ctx, true);
    }

    static Chart repatriations(ResultFolder.RunTables run, Context ctx) {
        XYPlot plot = bandPlot(List.of(new Named("forced repatriations", ChartData.measure(run, "repatriations"),
                Palette.REPATRIATED)), "persons per year", "year");
        return finish("repatriations", runTitle("Forced repatriations from China per year", ctx),
                "People handed from China to North Korea each year; median with 50% and 90% bands."
                        + predictiveNote(ctx), plot, ctx, true);
    }

    static Chart loss(ResultFolder.CalibrationTables cal, Context ctx) {
        XYSeries each = new XYSeries("loss of each evaluation", false, true);
        XYSeries best = new XYSeries("best so far", false, true);
        double[] bestSoFar = ChartData.bestSoFar(cal.losses);
        for (int i = 0; i < cal.losses.length; i++) {
            if (!Double.isNaN(cal.losses[i]) && !Double.isInfinite(cal.losses[i])) {
                each.add(i + 1, cal.losses[i]);
            }
            if (!Double.isNaN(bestSoFar[i])) {
                best.add(i + 1, bestSoFar[i]);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(each);
        data.addSeries(best);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(0, false);
        r.setSeriesShapesVisible(0, true);
        r.setSeriesShape(0, new Ellipse2D.Double(-2, -2, 4, 4));
        r.setSeriesPaint(0, Palette.withAlpha(Palette.ALL, 110));
        r.setSeriesShapesVisible(1, false);
        r.setSeriesPaint(1, Palette.FIT_WINDOW);
        r.setSeriesStroke(1, new BasicStroke(2.5f));
        NumberAxis x = new NumberAxis("evaluation");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        org.jfree.chart.axis.LogAxis y = new org.jfree.chart.axis.LogAxis("loss (deviance, log scale)");
        y.setSmallestValue(1e-3);
        // Ticks at whole powers of ten, written out (10, 100, 1,000) rather than as 10^k.
        y.setAutoTickUnitSelection(false);
        y.setTickUnit(new NumberTickUnit(1), false, false);
        y.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
        XYPlot plot = new XYPlot(data, x, y, r);
        style(plot);
        return finish("calibration-loss", "Calibration: loss of each evaluation",
                "Points: the loss (count deviance; lower is better) of each candidate, in the order evaluated; "
                        + "line: the best so far.", plot, ctx, false);
    }

    /**
     * The log error of the simulated mean in each fitted and held-out year of fit.csv: a calibration's best
     * candidate's ({@code calibration-errors}), or the mean of a posterior's predictive runs ({@code
     * predictive-errors}).
     */
    static Chart fitErrors(List<ResultFolder.CalibrationTables.FitRow> rows, Context ctx) {
        double[] errors = ChartData.logErrors(rows);
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries fit = new XYSeries("fitted years", false, true);
        XYSeries hold = new XYSeries("held-out years", false, true);
        for (int i = 0; i < errors.length; i++) {
            if (!Double.isNaN(errors[i])) {
                (rows.get(i).window().equals("fit") ? fit : hold).add(rows.get(i).year(), errors[i]);
            }
        }
        data.addSeries(fit);
        data.addSeries(hold);
        org.jfree.chart.renderer.xy.ClusteredXYBarRenderer r =
                flat(new org.jfree.chart.renderer.xy.ClusteredXYBarRenderer());
        r.setSeriesPaint(0, Palette.FIT_WINDOW);
        r.setSeriesPaint(1, Palette.HOLD_OUT_WINDOW);
        XYPlot plot = new XYPlot(new org.jfree.data.xy.XYBarDataset(data, 0.7), yearAxis("year of arrival"),
                new NumberAxis("log(simulated mean / observed)"), r);
        plot.addRangeMarker(new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1f)));
        style(plot);
        if (ctx.predictive()) {
            return finish("predictive-errors", "Posterior predictive: the mean's error in each year",
                    "Bars: natural log of the mean of the posterior predictive runs over the observed total (0 = "
                            + "exact; +0.1 ≈ 10% too many, −0.1 ≈ 10% too few), for the fitted and held-out years.",
                    plot, ctx, false);
        }
        return finish("calibration-errors", ctx.scored() ? "Score: the scenario's error in each year"
                        : "Calibration: the best candidate's error in each year",
                "Bars: natural log of the simulated mean over the observed total (0 = exact; +0.1 ≈ 10% too many, "
                        + "−0.1 ≈ 10% too few), for the fitted and held-out years.", plot, ctx, false);
    }

    /**
     * Each evidence item on its own row, first at the top, on one ratio axis ({@link ChartData#evidenceScale}):
     * the record's plausible range as a wide light bar, the simulated 5%–95% as a narrow dark one over it, and the
     * simulated mean as a point, green where evidence.csv says it is inside the range and red where not. An exact
     * count's range is the line at 1; a ratio of 0, or beyond the axis, is drawn at the axis's edge.
     */
    static Chart evidence(List<ResultFolder.CalibrationTables.EvidenceRow> rows, Context ctx) {
        double[] axis = ChartData.evidenceAxis(rows);
        java.util.function.DoubleUnaryOperator onAxis = v -> Math.max(axis[0], Math.min(axis[1], v));
        XYIntervalSeries range = new XYIntervalSeries("plausible range (the record)");
        XYIntervalSeries simulated = new XYIntervalSeries("simulated 5%–95%");
        XYSeries inside = new XYSeries("simulated mean, inside the range", false, true);
        XYSeries outside = new XYSeries("simulated mean, outside the range", false, true);
        // Half the thickness of each bar, in rows: with some 25 items a row is ~17 pixels high; with fewer the bars
        // keep the thickness they have at 35 (range) and 130 (simulated) items, instead of filling the rows.
        double rangeHalf = Math.min(0.34, rows.size() / 35.0);
        double simulatedHalf = Math.min(0.09, rows.size() / 130.0);
        String[] items = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            ResultFolder.CalibrationTables.EvidenceRow r = rows.get(i);
            items[i] = r.item();
            double scale = ChartData.evidenceScale(r);
            range.add(i, i - rangeHalf, i + rangeHalf, onAxis.applyAsDouble(r.value() / scale),
                    onAxis.applyAsDouble(r.low() / scale), onAxis.applyAsDouble(r.high() / scale));
            if (!Double.isNaN(r.simulatedP05()) && !Double.isNaN(r.simulatedP95())) {
                simulated.add(i, i - simulatedHalf, i + simulatedHalf, onAxis.applyAsDouble(r.simulatedMean() / scale),
                        onAxis.applyAsDouble(r.simulatedP05() / scale), onAxis.applyAsDouble(r.simulatedP95() / scale));
            }
            if (!Double.isNaN(r.simulatedMean())) {
                (r.inside() ? inside : outside).add(i, onAxis.applyAsDouble(r.simulatedMean() / scale));
            }
        }
        XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
        bars.addSeries(range);
        bars.addSeries(simulated);
        XYBarRenderer barRenderer = intervalBars();
        barRenderer.setSeriesPaint(0, Palette.EVIDENCE_RANGE);
        barRenderer.setSeriesPaint(1, Palette.withAlpha(Palette.ALL, 200));
        SymbolAxis itemAxis = new SymbolAxis(null, items);
        itemAxis.setInverted(true);
        itemAxis.setRange(-0.6, rows.size() - 0.4);
        // 11-point ids fit some 25 rows into the image's height; more rows get smaller ones.
        itemAxis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN,
                Math.max(7, Math.min(11, 11 * 25 / rows.size()))));
        itemAxis.setGridBandPaint(new Color(0xF4F4F4));
        LogAxis ratio = new LogAxis("simulated and plausible values ÷ the best value (log scale; 1 = best value)");
        // Ticks at powers of two (0.25, 0.5, 1, 2, 4): "half" and "twice" read straight off the axis.
        ratio.setBase(2);
        ratio.setSmallestValue(ChartData.EVIDENCE_FLOOR);
        ratio.setAutoTickUnitSelection(false);
        ratio.setTickUnit(new NumberTickUnit(Math.log(axis[1] / axis[0]) / Math.log(2) > 10 ? 2 : 1), false, false);
        ratio.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
        ratio.setRange(axis[0], axis[1]);
        XYPlot plot = new XYPlot(bars, itemAxis, ratio, barRenderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        XYLineAndShapeRenderer points = new XYLineAndShapeRenderer(false, true);
        points.setSeriesPaint(0, Palette.INSIDE);
        points.setSeriesPaint(1, Palette.OUTSIDE);
        points.setUseOutlinePaint(true);
        points.setDefaultOutlinePaint(Color.WHITE);
        points.setDefaultOutlineStroke(new BasicStroke(1.2f));
        for (int s = 0; s < 2; s++) {
            points.setSeriesShape(s, new Ellipse2D.Double(-5, -5, 10, 10));
        }
        XYSeriesCollection means = new XYSeriesCollection();
        means.addSeries(inside);
        means.addSeries(outside);
        plot.setDataset(1, means);
        plot.setRenderer(1, points);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        // The best value of every item (the axis label says so: a label on the line would cover the first row).
        plot.addRangeMarker(new ValueMarker(1, Color.DARK_GRAY, new BasicStroke(1f)));
        // The simulated bar over the range, not under it.
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        style(plot);
        plot.setDomainGridlinesVisible(false);
        return finish(EVIDENCE, ctx.predictive() ? "Independent evidence: posterior predictive against the record"
                        : "Independent evidence: simulated against the record",
                "Each item " + (ctx.predictive() ? "the posterior's distance included"
                        : ctx.scored() ? "the spec fits" : "the calibration fitted")
                        + " besides arrivals, divided by its best value (1) so that persons, "
                        + "shares, years and rates share one log axis; an item whose best value is 0 is divided "
                        + "by the top of its range. Light bar: the record's plausible range (an exact count has "
                        + "none: the line at 1); dark bar: the simulated 5%–95% over the "
                        + (ctx.predictive() ? "posterior predictive runs" : "final replications") + "; "
                        + "point: the simulated mean, green inside the range, red outside. A value of 0, or beyond "
                        + "the axis, is drawn at its edge.", plot, ctx, false);
    }

    static List<Chart> comparison(ResultFolder.ComparisonTables c, Context ctx) {
        List<Chart> charts = new ArrayList<>();
        List<Named> each = new ArrayList<>();
        for (int s = 0; s < c.labels.size(); s++) {
            each.add(new Named(c.labels.get(s), c.summaries.get(c.labels.get(s) + "/arrivals/all"),
                    Palette.scenario(s)));
        }
        charts.add(finish("comparison-arrivals", "Arrivals in South Korea, each scenario",
                "Line: each scenario's median; band: 90% of replications.",
                bandPlot(each, "arrivals (persons per year)", "year of arrival"), ctx, true));
        List<Named> differences = new ArrayList<>();
        for (int s = 1; s < c.labels.size(); s++) {
            differences.add(new Named(c.labels.get(s) + " − " + c.labels.get(0),
                    c.differences.get(c.labels.get(s) + "/arrivals/all"), Palette.scenario(s)));
        }
        XYPlot diff = bandPlot(differences, "difference in arrivals (persons per year)", "year of arrival");
        diff.addRangeMarker(new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1f)));
        charts.add(finish("comparison-difference", "Difference in arrivals from " + c.labels.get(0),
                "Line: median of the paired difference (same seed and replication in both scenarios); band: its "
                        + "90% interval. Zero: no effect.", diff, ctx, true));
        XYSeriesCollection cumulative = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        int from = ChartData.firstDifferentYear(c);
        for (int s = 0; s < c.labels.size(); s++) {
            Band b = c.summaries.get(c.labels.get(s) + "/arrivals/all");
            double[] sum = ChartData.cumulative(
                    java.util.Arrays.copyOfRange(b.mean(), from - b.firstYear(), b.years()));
            XYSeries series = new XYSeries(c.labels.get(s), false, true);
            for (int i = 0; i < sum.length; i++) {
                series.add(from + i, sum[i]);
            }
            cumulative.addSeries(series);
            r.setSeriesPaint(s, Palette.scenario(s));
            r.setSeriesStroke(s, new BasicStroke(s == 0 ? 3f : 2f));
        }
        XYPlot plot = new XYPlot(cumulative, yearAxis("year"), new NumberAxis("cumulative arrivals (persons)"), r);
        style(plot);
        plot.getRangeAxis().setLabel("cumulative arrivals since " + from + " (persons)");
        charts.add(finish("comparison-cumulative", "Cumulative arrivals since " + from + ", each scenario",
                "Mean arrivals summed from " + from + (from > c.firstYear ? ", the first year in which a scenario "
                        + "differs from " + c.labels.get(0) + "," : "") + " to each year.", plot, ctx, false));
        plot.getDomainAxis().setRange(from - 0.6, c.lastYear + 0.6);
        if (ctx.firstProjectedYear() <= ctx.lastYear()) {
            plot.addDomainMarker(window(Math.max(from, ctx.firstProjectedYear()), ctx.lastYear(), Palette.PROJECTED,
                    "projected"), Layer.BACKGROUND);
        }
        return charts;
    }

    /** A band series with its legend name and colour. */
    record Named(String name, Band band, Color colour) {
    }

    /** Medians as lines over 90 % and (where known) 50 % bands, one colour per series. */
    static XYPlot bandPlot(List<Named> series, String yLabel, String xLabel) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(BAND_ALPHA);
        int index = 0;
        for (Named n : series) {
            Band b = n.band();
            String legend = n.name() + (b.hasInnerBand() ? " (median; bands: 50%, 90%)" : " (median; band: 90%)");
            YIntervalSeries outer = new YIntervalSeries(legend);
            for (int i = 0; i < b.years(); i++) {
                if (!Double.isNaN(b.p50()[i])) {
                    outer.add(b.firstYear() + i, b.p50()[i], b.p05()[i], b.p95()[i]);
                }
            }
            data.addSeries(outer);
            r.setSeriesPaint(index, n.colour());
            r.setSeriesFillPaint(index, n.colour());
            r.setSeriesStroke(index, new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            index++;
            if (b.hasInnerBand()) {
                YIntervalSeries inner = new YIntervalSeries(n.name() + " (50% band)");
                for (int i = 0; i < b.years(); i++) {
                    if (!Double.isNaN(b.p50()[i])) {
                        inner.add(b.firstYear() + i, b.p50()[i], b.p25()[i], b.p75()[i]);
                    }
                }
                data.addSeries(inner);
                r.setSeriesVisibleInLegend(index, false);
                r.setSeriesPaint(index, n.colour());
                r.setSeriesFillPaint(index, n.colour());
                r.setSeriesStroke(index, new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                index++;
            }
        }
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, yearAxis(xLabel), y, r);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        style(plot);
        return plot;
    }

    /** Observed values as black points over the simulated bands. */
    static void addObserved(XYPlot plot, Map<Integer, Double> observed, String name) {
        addObserved(plot, observed, name, Palette.OBSERVED);
    }

    static void addObserved(XYPlot plot, Map<Integer, Double> observed, String name, Color colour) {
        XYSeries points = new XYSeries(name, false, true);
        observed.forEach(points::add);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, colour);
        r.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        int index = plot.getDatasetCount();
        plot.setDataset(index, new XYSeriesCollection(points));
        plot.setRenderer(index, r);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
    }

    /** The charts' bars: flat colour, no shadow, no outline. */
    static <R extends XYBarRenderer> R flat(R renderer) {
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        return renderer;
    }

    /** Flat bars spanning each item's y interval (start to end value), such as a range or a 5–95% band. */
    static XYBarRenderer intervalBars() {
        XYBarRenderer renderer = flat(new XYBarRenderer());
        renderer.setUseYInterval(true);
        return renderer;
    }

    /** A stacked bar per year of category means (routes, provinces, cohort outcomes). */
    static Chart stacked(String name, String title, String caption, String yLabel, String xLabel,
                         Map<String, double[]> byCategory, int firstYear, Colouring colouring, Context ctx) {
        CategoryTableXYDataset data = new CategoryTableXYDataset();
        StackedXYBarRenderer r = flat(new StackedXYBarRenderer(0.15));
        int s = 0;
        for (Map.Entry<String, double[]> e : byCategory.entrySet()) {
            double[] v = e.getValue();
            for (int i = 0; i < v.length; i++) {
                data.add(firstYear + i, v[i], label(e.getKey()));
            }
            r.setSeriesPaint(s, colouring.colour(e.getKey(), s));
            s++;
        }
        XYPlot plot = new XYPlot(data, yearAxis(xLabel), new NumberAxis(yLabel), r);
        style(plot);
        return finish(name, runTitle(title, ctx), caption + predictiveNote(ctx), plot, ctx, !name.equals("cohorts"));
    }

    /** Chooses a category's colour from its name and position. */
    interface Colouring {
        Color colour(String category, int position);
    }

    /** Route and outcome keys as words: {@code direct_from_china} → "direct from china". */
    static String label(String key) {
        return key.replace('_', ' ');
    }

    static NumberAxis yearAxis(String label) {
        NumberAxis x = new NumberAxis(label);
        TickUnits years = new TickUnits();
        DecimalFormat plain = new DecimalFormat("0");
        for (int step : new int[] {1, 2, 5, 10, 20, 50}) {
            years.add(new NumberTickUnit(step, plain));
        }
        x.setStandardTickUnits(years);
        x.setAutoRangeIncludesZero(false);
        return x;
    }

    static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setDomainGridlinesVisible(true);
        plot.setRangeGridlinesVisible(true);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        plot.getDomainAxis().setLabelFont(LABEL);
        plot.getRangeAxis().setLabelFont(LABEL);
    }

    /** Title, legend, footer and the shaded windows. */
    static Chart finish(String name, String title, String caption, XYPlot plot, Context ctx, boolean yearAxis) {
        if (yearAxis) {
            shadeWindows(plot, ctx);
            if (ctx.firstYear() <= ctx.lastYear()) {
                // Whole calendar years, half a year of margin each side, whatever the data's own extent.
                plot.getDomainAxis().setRange(ctx.firstYear() - 0.6, ctx.lastYear() + 0.6);
            }
        }
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        legend.setItemFont(LABEL);
        TextTitle footer = new TextTitle(ctx.footer(), FOOTER);
        footer.setPaint(Color.GRAY);
        footer.setPosition(RectangleEdge.BOTTOM);
        footer.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.RIGHT);
        chart.addSubtitle(footer);
        return new Chart(name, title, caption, chart);
    }

    private static void shadeWindows(XYPlot plot, Context ctx) {
        if (ctx.fitWindow() != null) {
            plot.addDomainMarker(window(ctx.fitWindow()[0], ctx.fitWindow()[1], Palette.FIT_WINDOW, "fit"),
                    Layer.BACKGROUND);
        }
        if (ctx.holdOutWindow() != null) {
            plot.addDomainMarker(window(ctx.holdOutWindow()[0], ctx.holdOutWindow()[1], Palette.HOLD_OUT_WINDOW,
                    "hold-out"), Layer.BACKGROUND);
        }
        if (ctx.firstProjectedYear() <= ctx.lastYear()) {
            plot.addDomainMarker(window(ctx.firstProjectedYear(), ctx.lastYear(), Palette.PROJECTED, "projected"),
                    Layer.BACKGROUND);
        }
    }

    /** A shaded span of whole calendar years, labelled at the top. */
    private static Marker window(int from, int to, Color colour, String label) {
        IntervalMarker m = new IntervalMarker(from - 0.5, to + 0.5, Palette.withAlpha(colour, 38));
        m.setLabel(label);
        m.setLabelFont(MARKER);
        m.setLabelPaint(colour.darker());
        m.setLabelAnchor(RectangleAnchor.TOP);
        m.setLabelTextAnchor(TextAnchor.TOP_CENTER);
        m.setLabelOffset(new RectangleInsets(4, 0, 0, 0));
        return m;
    }
}
