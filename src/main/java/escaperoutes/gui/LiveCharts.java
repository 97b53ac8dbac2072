package escaperoutes.gui;

import escaperoutes.calibration.ObservedSeries;
import escaperoutes.chart.Palette;
import escaperoutes.model.ModelCalendar;
import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.util.List;
import java.util.OptionalLong;
import javax.swing.SwingUtilities;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The window's live charts (JFreeChart 1.5, in the report's colours): arrivals per simulated year, all, women and men,
 * against the Ministry of Unification's counts; the share of women among them; and the people hiding and held in
 * China, as the run goes. The model's thread hands over numbers ({@link #yearDone}, {@link #dayDone}); the series
 * change on Swing's thread, which also paints them.
 */
final class LiveCharts {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Stroke OBSERVED_STROKE = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {5f, 4f}, 0f);

    private final XYSeries arrivalsAll = new XYSeries("simulated, all", false, false);
    private final XYSeries arrivalsWomen = new XYSeries("simulated, women", false, false);
    private final XYSeries arrivalsMen = new XYSeries("simulated, men", false, false);
    private final XYSeries womenShare = new XYSeries("simulated", false, false);
    private final XYSeries hiding = new XYSeries("hiding in China", false, false);
    private final XYSeries held = new XYSeries("held in China", false, false);
    final JFreeChart arrivals;
    final JFreeChart share;
    final JFreeChart inChina;

    LiveCharts(ModelCalendar calendar, ObservedSeries observed) {
        int first = calendar.firstYear();
        int last = first + calendar.years() - 1;
        XYSeriesCollection arrivalsData = new XYSeriesCollection();
        arrivalsData.addSeries(arrivalsAll);
        arrivalsData.addSeries(arrivalsWomen);
        arrivalsData.addSeries(arrivalsMen);
        XYSeries observedAll = new XYSeries("observed, all");
        XYSeries observedWomen = new XYSeries("observed, women");
        XYSeries observedMen = new XYSeries("observed, men");
        XYSeries observedShare = new XYSeries("observed");
        for (int year = first; year <= last; year++) {
            OptionalLong all = observed.single(year, SexGroup.ALL);
            OptionalLong women = observed.single(year, SexGroup.FEMALE);
            OptionalLong men = observed.single(year, SexGroup.MALE);
            if (all.isPresent() && women.isPresent() && men.isPresent()) {
                observedAll.add(year, all.getAsLong());
                observedWomen.add(year, women.getAsLong());
                observedMen.add(year, men.getAsLong());
                if (all.getAsLong() > 0) {
                    observedShare.add(year, 100.0 * women.getAsLong() / all.getAsLong());
                }
            }
        }
        arrivalsData.addSeries(observedAll);
        arrivalsData.addSeries(observedWomen);
        arrivalsData.addSeries(observedMen);
        arrivals = chart("Arrivals in South Korea per year", "persons", arrivalsData,
                List.of(Palette.ALL, Palette.WOMEN, Palette.MEN), true, first, last);

        XYSeriesCollection shareData = new XYSeriesCollection();
        shareData.addSeries(womenShare);
        shareData.addSeries(observedShare);
        share = chart("Share of women among arrivals", "% women", shareData, List.of(Palette.WOMEN), true, first,
                last);
        ((NumberAxis) share.getXYPlot().getRangeAxis()).setRange(0, 100);

        XYSeriesCollection chinaData = new XYSeriesCollection();
        chinaData.addSeries(hiding);
        chinaData.addSeries(held);
        inChina = chart("People hiding and held in China", "persons", chinaData,
                List.of(Palette.HIDING, Palette.DETAINED), false, first, last + 1);
    }

    /**
     * A line chart of the simulated series (solid, in {@code colours}), followed in the dataset by as many observed
     * ones (dashed, same colours) when {@code observedFollow}.
     */
    private static JFreeChart chart(String title, String yLabel, XYSeriesCollection data, List<Color> colours,
                                    boolean observedFollow, int firstYear, int lastYear) {
        NumberAxis years = new NumberAxis("year");
        years.setAutoRangeIncludesZero(false);
        years.setRange(firstYear - 0.5, lastYear + 0.5);
        years.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        NumberAxis values = new NumberAxis(yLabel);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < colours.size(); i++) {
            renderer.setSeriesPaint(i, colours.get(i));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            // Points on the simulated years' values, so that the first year shows before there is a line.
            renderer.setSeriesShapesVisible(i, observedFollow);
            renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
            if (observedFollow) {
                renderer.setSeriesPaint(colours.size() + i, colours.get(i));
                renderer.setSeriesStroke(colours.size() + i, OBSERVED_STROKE);
            }
        }
        XYPlot plot = new XYPlot(data, years, values, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(null, TITLE, plot, true);
        chart.setTitle(new TextTitle(title, TITLE));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Forgets the simulated series (a new start); the observed ones stay. */
    void clear() {
        SwingUtilities.invokeLater(() -> {
            for (XYSeries series : List.of(arrivalsAll, arrivalsWomen, arrivalsMen, womenShare, hiding, held)) {
                series.clear();
            }
        });
    }

    /** The arrivals of a simulated year just finished, from the run's counts so far. */
    void yearDone(int year, RunResult result) {
        double all = result.value(Measure.ARRIVALS, year, SexGroup.ALL);
        double women = result.value(Measure.ARRIVALS, year, SexGroup.FEMALE);
        double men = result.value(Measure.ARRIVALS, year, SexGroup.MALE);
        SwingUtilities.invokeLater(() -> {
            arrivalsAll.add(year, all);
            arrivalsWomen.add(year, women);
            arrivalsMen.add(year, men);
            if (all > 0) {
                womenShare.add(year, 100.0 * women / all);
            }
        });
    }

    /** The people hiding and held in China at {@code yearFraction} (a year and the fraction of it passed). */
    void dayDone(double yearFraction, double hidingPersons, double heldPersons) {
        SwingUtilities.invokeLater(() -> {
            // A step that stopped at a one-off event, and the next one, may end on the same day.
            hiding.addOrUpdate(yearFraction, hidingPersons);
            held.addOrUpdate(yearFraction, heldPersons);
        });
    }
}
