package escaperoutes.chart;

import com.fasterxml.jackson.databind.JsonNode;
import escaperoutes.io.ResultFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (inline style, no scripts, no network; the images are the PNGs in
 * {@code charts/} beside it) that puts a folder's results together: what was asked, the charts, the per-year table
 * of observed against simulated, the fit metrics, the independent evidence (its chart and table), what differs
 * from the shipped baseline, and the manifest. A posterior's report opens with its Posterior section (the sampler's
 * summary, each parameter's posterior against its prior, the correlated pairs, the generations); its run charts,
 * fit and evidence are those of the posterior predictive runs.
 */
final class Report {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#222;
            max-width:1060px;margin:2em auto;padding:0 1em;line-height:1.45}
            h1{font-size:1.7em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:.2em}
            .lead{color:#444;font-size:1.05em}.meta{color:#666;font-size:.9em}
            figure{margin:1.5em 0}figure img{width:100%;max-width:1000px;border:1px solid #eee}
            figcaption{color:#444;font-size:.92em}figcaption a{color:#1565c0}
            table{border-collapse:collapse;font-size:.88em;margin:.8em 0}
            th,td{border-bottom:1px solid #e4e4e4;padding:3px 9px;text-align:right;vertical-align:top}
            td{white-space:nowrap}td.l{white-space:normal}
            th{background:#f4f4f4}td.l,th.l{text-align:left}
            tr.projected td{background:#f3f3f3;color:#555}tr.fit td:first-child{border-left:4px solid #43a047}
            tr.hold-out td:first-child{border-left:4px solid #fb8c00}
            .tag{font-size:.78em;padding:1px 5px;border-radius:3px;background:#9e9e9e;color:#fff;margin-left:4px}
            .flag{color:#c62828;font-weight:600}tr.outside td{background:#fdecea}code{font-size:.92em;word-break:break-all}
            .key span{display:inline-block;width:12px;height:12px;margin:0 4px 0 10px;vertical-align:-1px}
            """;

    private Report() {
    }

    static void write(ResultFolder f, List<Chart> charts, JsonNode shippedBaseline, Path file) throws IOException {
        StringBuilder h = new StringBuilder(64 * 1024);
        String title = switch (f.kind) {
            case RUN -> "Run: " + f.title();
            case CALIBRATION -> "Calibration: " + f.title();
            case SCORE -> "Score: " + f.title();
            case POSTERIOR -> "Posterior: " + f.title();
            case COMPARISON -> "Comparison: " + f.title();
            case SWEEP -> "Sweep: " + f.title() + (f.sweep.isChunk() ? " (chunk " + f.sweep.chunk + ")" : "");
        };
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(title)).append(" — escape-routes</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>").append(esc(title)).append("</h1>\n");
        h.append("<p class=\"meta\">escape-routes ").append(esc(f.manifest.path("programVersion").asText()))
                .append(" · seed ").append(f.seed());
        if (f.posterior != null) {
            h.append(" · ").append(count(f.posterior.number("replicationsPerParticle")))
                    .append(" replications per particle · ").append(count(f.posterior.number("predictiveDraws")))
                    .append(" posterior predictive runs");
        } else if (f.manifest.has("replications")) {
            h.append(" · ").append(f.manifest.path("replications").asLong()).append(" replications");
            if (f.kind == ResultFolder.Kind.CALIBRATION) {
                h.append(" per evaluation");
            } else if (f.kind == ResultFolder.Kind.SWEEP) {
                h.append(" per point");
            }
        }
        h.append(" · finished ").append(esc(f.manifest.path("finishedAt").asText())).append("</p>\n");
        description(h, f);
        if (f.posterior != null) {
            posterior(h, f.posterior, charts);
        }
        h.append(f.posterior != null ? "<h2>Posterior predictive runs</h2>\n" : "<h2>Charts</h2>\n");
        for (Chart c : charts) {
            // The evidence chart stands beside the evidence table, further down; a posterior's in its section.
            if (!c.name().equals(Charts.EVIDENCE) && !c.name().startsWith(PosteriorCharts.PREFIX)) {
                figure(h, c);
            }
        }
        if (f.run != null) {
            yearTable(h, f);
        }
        if (f.calibration != null) {
            metrics(h, f.calibration.metrics, f.kind == ResultFolder.Kind.SCORE);
            if (f.calibration.evidence != null && !f.calibration.evidence.isEmpty()) {
                evidence(h, f.calibration.evidence, charts, false, f.kind == ResultFolder.Kind.SCORE);
            }
        }
        if (f.posterior != null) {
            predictiveFit(h, f.posterior);
            if (f.posterior.evidence != null && !f.posterior.evidence.isEmpty()) {
                evidence(h, f.posterior.evidence, charts, true, false);
            }
        }
        if (f.comparison != null) {
            comparisonTables(h, f.comparison);
        }
        if (f.sweep != null && f.sweep.hasIndices()) {
            sensitivityTable(h, f.sweep);
        }
        differences(h, f, shippedBaseline);
        manifest(h, f.manifest);
        h.append("</body>\n</html>\n");
        Path temp = file.resolveSibling("." + file.getFileName() + ".partial");
        Files.writeString(temp, h, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A chart's PNG with its caption and links to both files. */
    private static void figure(StringBuilder h, Chart c) {
        h.append("<figure id=\"").append(c.name()).append("\">\n<img src=\"").append(ResultFiles.CHARTS)
                .append('/').append(c.name()).append(".png\" alt=\"").append(esc(c.title())).append("\" width=\"")
                .append(ChartImages.WIDTH).append("\" height=\"").append(ChartImages.HEIGHT).append("\">\n")
                .append("<figcaption><b>").append(esc(c.title())).append(".</b> ").append(esc(c.caption()))
                .append(" <a href=\"").append(ResultFiles.CHARTS).append('/').append(c.name())
                .append(".svg\">SVG</a> · <a href=\"").append(ResultFiles.CHARTS).append('/').append(c.name())
                .append(".png\">PNG</a></figcaption>\n</figure>\n");
    }

    private static void description(StringBuilder h, ResultFolder f) {
        if (f.kind == ResultFolder.Kind.SWEEP) {
            sweepDescription(h, f);
            return;
        }
        if (f.kind == ResultFolder.Kind.COMPARISON) {
            h.append("<p class=\"lead\">Each scenario is run on the same seeds and replications as <b>")
                    .append(esc(f.comparison.labels.get(0)))
                    .append("</b> (common random numbers), so the differences show the effect of the change, not "
                            + "noise.</p>\n<dl>\n");
            for (Map.Entry<String, JsonNode> e : f.comparison.scenarios.entrySet()) {
                h.append("<dt><b>").append(esc(e.getKey())).append("</b></dt><dd>")
                        .append(esc(e.getValue().path("description").asText())).append("</dd>\n");
            }
            h.append("</dl>\n");
        } else if (f.scenario == null) {
            // A posterior folder without its base scenario.
            if (f.run != null) {
                h.append("<p class=\"meta\">Simulated ").append(f.run.firstYear).append(" to ")
                        .append(f.run.lastYear).append(".").append(projections(f)).append("</p>\n");
            }
        } else {
            h.append("<p class=\"lead\">").append(esc(f.scenario.path("description").asText())).append("</p>\n");
            h.append("<p class=\"meta\">").append(f.kind == ResultFolder.Kind.POSTERIOR ? "Base scenario <b>"
                    + esc(f.scenario.path("name").asText()) + "</b>, whose free parameters each posterior "
                    + "predictive run takes from its own draw; simulated " : "Simulated ")
                    .append(esc(f.scenario.path("start").asText())).append(" to ")
                    .append(esc(f.scenario.path("end").asText())).append(".");
            h.append(projections(f)).append("</p>\n");
        }
    }

    /** Which years are projections (after the last observed year), if any. */
    private static String projections(ResultFolder f) {
        if (f.run != null && f.run.lastObservedYear() < f.run.lastYear) {
            return " Years after " + f.run.lastObservedYear() + ", the last year observed, are <b>projections</b> "
                    + "(shaded grey in the charts and the table): they carry the enforcement timeline forward as the "
                    + "scenario says.";
        }
        return "";
    }

    /** What the sweep asks, its design and its parameters. */
    private static void sweepDescription(StringBuilder h, ResultFolder f) {
        SweepResults s = f.sweep;
        h.append("<p class=\"lead\">").append(esc(s.description)).append("</p>\n");
        h.append("<p class=\"meta\">Design <b>").append(esc(s.design.replace('_', ' '))).append("</b>: ")
                .append(s.pointCount()).append(" points × ").append(s.replications).append(" replications = ")
                .append(String.format(Locale.ROOT, "%,d", s.pointCount() * (long) s.replications)).append(" runs, seed ").append(f.seed())
                .append(" (replication r of every point has the random streams of replication r of <code>run --seed ")
                .append(f.seed()).append("</code>: common random numbers). Base scenario <b>")
                .append(esc(f.scenario.path("name").asText())).append("</b>, simulated ")
                .append(esc(f.scenario.path("start").asText())).append(" to ")
                .append(esc(f.scenario.path("end").asText())).append(".");
        if (s.isChunk()) {
            h.append(" <span class=\"flag\">This folder is chunk ").append(esc(s.chunk)).append(", points ")
                    .append(s.firstPoint).append("–").append(s.lastPoint)
                    .append(": its charts show those points only, and the sensitivity indices are computed when "
                            + "the chunks are merged (sweep-merge).</span>");
        }
        h.append("</p>\n<table>\n<tr><th class=\"l\">parameter</th><th class=\"l\">path</th><th>values</th>"
                + "<th>scale</th></tr>\n");
        for (SweepResults.Parameter p : s.parameters) {
            String values;
            if (p.levels() != null) {
                StringBuilder v = new StringBuilder();
                for (double level : p.levels()) {
                    v.append(v.length() == 0 ? "" : ", ").append(plain(level));
                }
                values = v.toString();
            } else {
                values = plain(p.lower()) + " to " + plain(p.upper());
            }
            h.append("<tr><td class=\"l\"><b>").append(esc(p.name())).append("</b></td><td class=\"l\"><code>")
                    .append(esc(p.path())).append("</code></td><td>").append(esc(values)).append("</td><td>")
                    .append(p.levels() != null ? "levels" : p.logScale() ? "log" : "linear").append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** Every sensitivity index with its interval: one row per parameter, one column pair per output. */
    private static void sensitivityTable(StringBuilder h, SweepResults s) {
        boolean morris = s.isMorris();
        String level = Double.isNaN(s.confidenceLevel) ? "bootstrap"
                : String.format(Locale.ROOT, "%.0f%% bootstrap", 100 * s.confidenceLevel);
        h.append("<h2>Sensitivity indices</h2>\n<p class=\"meta\">From sensitivity.csv: ")
                .append(morris ? "Morris μ* (mean absolute elementary effect, in the output's units per the "
                        + "parameter's whole range) [" + level + " interval] and σ (their standard deviation)."
                        : "Sobol first-order and total indices (shares of the output's variance) [" + level
                        + " interval].")
                .append("</p>\n");
        String a = morris ? SweepResults.MU_STAR : SweepResults.FIRST_ORDER;
        String b = morris ? SweepResults.SIGMA : SweepResults.TOTAL;
        for (SweepResults.Output o : s.outputs) {
            h.append("<h3>").append(esc(o.label())).append(" <span class=\"meta\">(").append(esc(o.name()))
                    .append(")</span></h3>\n<table>\n<tr><th class=\"l\">parameter</th><th>")
                    .append(morris ? "μ*" : "first order").append("</th><th>").append(morris ? "σ" : "total")
                    .append("</th></tr>\n");
            for (SweepResults.Parameter p : s.parameters) {
                h.append("<tr><td class=\"l\">").append(esc(p.name())).append("</td><td>")
                        .append(index(s.index(o.name(), p.name(), a))).append("</td><td>")
                        .append(index(s.index(o.name(), p.name(), b))).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
    }

    private static String index(SweepResults.Index i) {
        if (i == null || Double.isNaN(i.value())) {
            return "NA";
        }
        String v = String.format(Locale.ROOT, "%.3g", i.value());
        return Double.isNaN(i.low()) ? v
                : v + " [" + String.format(Locale.ROOT, "%.3g", i.low()) + ", "
                + String.format(Locale.ROOT, "%.3g", i.high()) + "]";
    }

    /** Observed against simulated per year: totals and the share of women. */
    private static void yearTable(StringBuilder h, ResultFolder f) {
        ResultFolder.RunTables run = f.run;
        Band all = ChartData.arrivals(run, "all");
        Band women = ChartData.arrivals(run, "female");
        Band share = ChartData.shareWomen(run);
        Map<Integer, Double> obs = ChartData.observed(run, "all");
        Map<Integer, Double> obsShare = ChartData.observedShareWomen(run);
        int[] fit = f.window("fit");
        int[] hold = f.window("hold-out");
        h.append("<h2>Arrivals per year: observed and simulated</h2>\n<p class=\"meta\">Simulated: median [5%–95%] "
                        + "over ").append(run.replications).append(f.posterior != null ? " posterior predictive runs, "
                        + "each at its own draw from the posterior." : " replications.").append(" Observed: Ministry "
                        + "of Unification, years it reports singly.");
        if (fit != null) {
            h.append(" <span style=\"border-left:4px solid #43a047;padding-left:4px\">fitted years</span>");
        }
        if (hold != null) {
            h.append(" <span style=\"border-left:4px solid #fb8c00;padding-left:4px\">held-out years</span>");
        }
        h.append("</p>\n<table>\n<tr><th>year</th><th>observed</th><th>simulated</th><th>simulated mean</th>"
                + "<th>observed women</th><th>simulated women</th><th>observed % women</th>"
                + "<th>simulated % women</th></tr>\n");
        Map<Integer, Double> obsWomen = ChartData.observed(run, "female");
        for (int i = 0; i < all.years(); i++) {
            int year = all.firstYear() + i;
            boolean projected = year > run.lastObservedYear();
            String cls = projected ? "projected" : within(fit, year) ? "fit" : within(hold, year) ? "hold-out" : "";
            h.append("<tr").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"").append("><td>").append(year)
                    .append(projected ? "<span class=\"tag\">projected</span>" : "").append("</td><td>")
                    .append(obs.containsKey(year) ? count(obs.get(year)) : "").append("</td><td>")
                    .append(interval(all, i, false)).append("</td><td>").append(count(all.mean()[i]))
                    .append("</td><td>").append(obsWomen.containsKey(year) ? count(obsWomen.get(year)) : "")
                    .append("</td><td>").append(interval(women, i, false)).append("</td><td>")
                    .append(obsShare.containsKey(year) ? percent(obsShare.get(year)) : "").append("</td><td>")
                    .append(interval(share, i, true)).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static boolean within(int[] window, int year) {
        return window != null && year >= window[0] && year <= window[1];
    }

    /** A calibration's metrics.json, or a score's ({@code scored}: nothing searched, so no search or parameters). */
    private static void metrics(StringBuilder h, JsonNode m, boolean scored) {
        if (scored) {
            h.append("<h2>Fit</h2>\n<p>The scenario as it stands, against the spec's targets: loss ")
                    .append(number(m.path("loss").asDouble())).append(" over ").append(m.path("replications").asInt())
                    .append(" replications (nothing searched).</p>\n");
            fitTable(h, m);
            checks(h, m);
            return;
        }
        h.append("<h2>Fit</h2>\n<p>Loss ").append(number(m.path("loss").asDouble())).append(" after ")
                .append(m.path("evaluations").asInt()).append(" evaluations (").append(esc(m.path("stoppedBecause")
                        .asText())).append("); ").append(m.path("freeParameters").asInt())
                .append(" free parameters; ").append(number(m.path("evaluationsPerSecond").asDouble()))
                .append(" evaluations per second.</p>\n");
        fitTable(h, m);
        h.append("<h3>Calibrated parameters</h3>\n<table>\n<tr><th class=\"l\">path</th><th>value</th>"
                + "<th>lower</th><th>upper</th><th>scale</th><th></th></tr>\n");
        for (JsonNode p : m.path("parameters")) {
            h.append("<tr><td class=\"l\"><code>").append(esc(p.path("path").asText())).append("</code></td><td>")
                    .append(number(p.path("value").asDouble())).append("</td><td>")
                    .append(number(p.path("lower").asDouble())).append("</td><td>")
                    .append(number(p.path("upper").asDouble())).append("</td><td>")
                    .append(p.path("logScale").asBoolean() ? "log" : "linear").append("</td><td>")
                    .append(p.path("atBound").asBoolean() ? "<span class=\"flag\">at a bound</span>" : "")
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
        annualVariation(h, m.path("annualVariation"));
        checks(h, m);
    }

    /**
     * A calibration's estimate of the year-to-year variation from its misses ({@code "from_misses"}), where it made
     * one: the value chosen and every value tried, in the order tried.
     */
    private static void annualVariation(StringBuilder h, JsonNode v) {
        if (v.isMissingNode()) {
            return;
        }
        h.append("<h3>Year-to-year variation</h3>\n<p>Estimated after the search from the misses of ")
                .append(esc(v.path("window").asText())).append(": <b>").append(number(v.path("estimated").asDouble()))
                .append("</b>, the smallest value (in steps of 0.01) whose ").append(v.path("replications").asInt())
                .append(" final replications give a dispersion of at most 1 (")
                .append(number(v.path("dispersion").asDouble())).append(")")
                .append(v.path("atUpperBound").asBoolean()
                        ? "; <span class=\"flag\">not reached even at the largest value allowed, 2</span>" : "")
                .append(". The search ran with ").append(number(v.path("searchedWith").asDouble()))
                .append(".</p>\n<table>\n<tr><th>annual variation</th><th>dispersion</th></tr>\n");
        for (JsonNode t : v.path("trials")) {
            h.append("<tr><td>").append(number(t.path("annualVariation").asDouble())).append("</td><td>")
                    .append(number(t.path("dispersion").asDouble())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** The checks of a metrics.json that the fit does not target, where it has them. */
    private static void checks(StringBuilder h, JsonNode m) {
        if (m.has("checks")) {
            h.append("<h3>Checks the fit does not target</h3>\n");
            tree(h, m.path("checks"));
        }
    }

    /**
     * The fit metrics of the "fit" window and, where there is one, the "holdOut" window of a metrics.json or
     * posterior.json: one row per measure, one column per window.
     */
    private static void fitTable(StringBuilder h, JsonNode m) {
        h.append("<table>\n<tr><th class=\"l\">measure</th>");
        List<String> windows = m.has("holdOut") ? List.of("fit", "holdOut") : List.of("fit");
        for (String w : windows) {
            h.append("<th>").append(w.equals("fit") ? "fit" : "hold-out").append(' ')
                    .append(esc(m.path(w).path("window").asText())).append("</th>");
        }
        h.append("</tr>\n");
        String[][] rows = {
            {"medianAbsLogError", "median |log(simulated / observed)| of annual totals"},
            {"averageRelativeDifference", "averaged relative difference (ARD, as in Flee)"},
            {"maseAgainstPersistence", "MASE against naive persistence"},
            {"coverage50", "share of years inside the simulated 50% band"},
            {"coverage90", "share of years inside the simulated 90% band"},
            {"femaleShareMaePoints", "mean absolute error of the share of women (points)"},
            {"dispersion", "squared log misses over what one more replication would give (about 1 when the "
                    + "bands are honest; above 1, too narrow)"},
        };
        for (String[] row : rows) {
            h.append("<tr><td class=\"l\">").append(esc(row[1])).append("</td>");
            for (String w : windows) {
                h.append("<td>").append(number(m.path(w).path(row[0]).asDouble(Double.NaN))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /**
     * A posterior's own section: how the sampler ran and stopped (posterior.json), each parameter's prior and
     * posterior with its width ratio (posterior-summary.csv) and chart, the most correlated pairs, and each
     * generation (generations.csv) with its chart.
     */
    private static void posterior(StringBuilder h, PosteriorTables t, List<Chart> charts) {
        h.append("<h2>Posterior</h2>\n<p>The posterior over the calibration spec's free parameters: how plausible "
                + "each value is, given its prior and the observed record")
                .append(t.evidence != null && !t.evidence.isEmpty() ? " and the independent evidence" : "")
                .append(", rather than one best fit. Sampled by approximate Bayesian computation (ABC-SMC): the "
                        + "particles are parameter values whose simulations came within the tolerance of the data. <b>")
                .append(count(t.number("generations")))
                .append(" generations</b> of ").append(count(t.number("particles"))).append(" particles, ")
                .append(count(t.number("simulations"))).append(" simulations of ")
                .append(count(t.number("replicationsPerParticle"))).append(" replications each in ")
                .append(seconds(t.number("seconds"))).append("; stopped because: ")
                .append(esc(t.summary.path("stoppedBecause").asText())).append(". The last generation (")
                .append(t.lastGeneration).append(") is the posterior sample: effective sample size ")
                .append(count(t.number("effectiveSampleSize"))).append(Double.isFinite(t.number("finalTolerance"))
                        ? ", final tolerance " + significant(t.number("finalTolerance"))
                        + " (the distance, the calibration's loss, each of its particles beat).</p>\n"
                        : "; no tolerance yet: generation 0 is a sample of the priors.</p>\n");
        h.append("<h3>Parameters</h3>\n<p class=\"meta\">From posterior-summary.csv, in each parameter's units. "
                + "Prior: its distribution and 5%–95% range. Posterior: the weighted mean, median and 5%–95% range "
                + "of the last generation. <b>Width ratio</b>: the posterior's 90% range over the prior's, on the "
                + "search scale (in the logarithm for a log-scale parameter). Below about 0.5 the data narrowed the "
                + "parameter a lot; near 1 the data said little about it, and the answer rests on the prior.</p>\n"
                + "<table>\n<tr><th class=\"l\">path</th><th>scale</th><th class=\"l\">prior</th>"
                + "<th>prior 5%–95%</th><th>posterior mean</th><th>posterior median [5%–95%]</th><th>ESS</th>"
                + "<th>width ratio</th><th class=\"l\">what the data did</th></tr>\n");
        for (PosteriorTables.Parameter p : t.parameters) {
            h.append("<tr><td class=\"l\"><code>").append(esc(p.path())).append("</code></td><td>")
                    .append(p.logScale() ? "log" : "linear").append("</td><td class=\"l\">")
                    .append(esc(p.prior().replace('_', '-'))).append("</td><td>").append(significant(p.priorLow()))
                    .append("–").append(significant(p.priorHigh())).append("</td><td>")
                    .append(significant(p.mean())).append("</td><td>").append(significant(p.p50())).append(" [")
                    .append(significant(p.p05())).append("–").append(significant(p.p95())).append("]</td><td>")
                    .append(count(p.ess())).append("</td><td>").append(PosteriorCharts.ratio(p.widthRatio()))
                    .append("</td><td class=\"l\">").append(narrowing(p.widthRatio())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        String pairs = PosteriorCharts.PREFIX + "pair-";
        String generations = PosteriorCharts.PREFIX + "generations";
        for (Chart c : charts) {
            if (c.name().startsWith(PosteriorCharts.PREFIX) && !c.name().startsWith(pairs)
                    && !c.name().equals(generations)) {
                figure(h, c);
            }
        }
        if (charts.stream().anyMatch(c -> c.name().startsWith(pairs))) {
            h.append("<h3>Correlated parameters</h3>\n<p class=\"meta\">The pairs of parameters whose posterior "
                    + "values go together most (weighted correlation in the search coordinates): the data fix a "
                    + "combination of the two better than either alone.</p>\n");
            for (Chart c : charts) {
                if (c.name().startsWith(pairs)) {
                    figure(h, c);
                }
            }
        }
        h.append("<h3>Generations</h3>\n<p class=\"meta\">From generations.csv. Tolerance: the distance a "
                + "proposal had to beat (generation 0 keeps every successful draw from the prior). Acceptance "
                + "rate: the share of the generation's simulations kept. Proposals: drawn, including those outside "
                + "the prior's support, which are not simulated. ESS: effective sample size of the generation's "
                + "weights.</p>\n<table>\n<tr><th>generation</th><th>tolerance</th><th>acceptance rate</th>"
                + "<th>proposals</th><th>simulations</th><th>ESS</th><th>seconds</th></tr>\n");
        for (PosteriorTables.Generation g : t.generations) {
            h.append("<tr><td>").append(g.generation()).append("</td><td>")
                    .append(!Double.isFinite(g.tolerance()) ? "none (all kept)" : significant(g.tolerance()))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.1f%%", 100 * g.acceptanceRate()))
                    .append("</td><td>").append(count(g.proposals())).append("</td><td>")
                    .append(count(g.simulations())).append("</td><td>").append(count(g.effectiveSampleSize()))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%,.1f", g.seconds()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
        for (Chart c : charts) {
            if (c.name().equals(generations)) {
                figure(h, c);
            }
        }
    }

    /** What a width ratio says, in words: below 0.5 narrowed a lot, from 0.9 up resting on the prior. */
    static String narrowing(double widthRatio) {
        if (Double.isNaN(widthRatio)) {
            return "";
        }
        return widthRatio < 0.5 ? "narrowed a lot" : widthRatio < 0.9 ? "narrowed somewhat"
                : "little: rests on the prior";
    }

    /** Seconds as they read best: {@code 42.0 s}, {@code 12 min 3 s}, {@code 2 h 5 min}. */
    static String seconds(double s) {
        if (!(s >= 60)) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        long whole = Math.round(s);
        return whole < 3600 ? whole / 60 + " min " + whole % 60 + " s"
                : whole / 3600 + " h " + whole % 3600 / 60 + " min";
    }

    /** The fit of a posterior's predictive runs (posterior.json), as a calibration's report gives its fit. */
    private static void predictiveFit(StringBuilder h, PosteriorTables t) {
        h.append("<h2>Posterior predictive fit</h2>\n<p>Over the ").append(count(t.number("predictiveDraws")))
                .append(" posterior predictive runs (replication r at the r-th draw from the posterior), against "
                        + "the observed arrivals:</p>\n");
        fitTable(h, t.summary);
        JsonNode e = t.summary.path("evidence");
        if (e.isObject()) {
            h.append("<p>Independent evidence: ").append(e.path("inside").asInt()).append(" of ")
                    .append(e.path("items").asInt()).append(" items inside their plausible ranges");
            if (e.path("outside").isArray() && !e.path("outside").isEmpty()) {
                StringBuilder outside = new StringBuilder();
                for (JsonNode id : e.path("outside")) {
                    outside.append(outside.length() == 0 ? "" : ", ").append(id.asText());
                }
                h.append(" (outside: ").append(esc(outside.toString())).append(")");
            }
            h.append("; their part of the distance ").append(significant(e.path("loss").asDouble(Double.NaN)))
                    .append(".</p>\n");
        }
    }

    /** The evidence chart and every item of evidence.csv: its range, the simulated statistic, and its source. */
    private static void evidence(StringBuilder h, List<ResultFolder.CalibrationTables.EvidenceRow> rows,
                                 List<Chart> charts, boolean predictive, boolean scored) {
        h.append("<h2>Independent evidence</h2>\n<p class=\"meta\">From evidence.csv: each item ")
                .append(predictive ? "the posterior's distance included" : scored ? "the spec fits"
                        : "the calibration fitted")
                .append(" besides arrivals, in the measure's units (persons; a share as a percentage; years; per "
                + "year). Range: low – best value – high (a minimum or maximum is documented at one end; an exact "
                + "count has no width). Simulated: the mean [5%–95%] over the ")
                .append(predictive ? "posterior predictive runs" : scored ? "replications" : "final replications")
                .append(". Rows outside the range are marked.</p>\n");
        for (Chart c : charts) {
            if (c.name().equals(Charts.EVIDENCE)) {
                figure(h, c);
            }
        }
        h.append("<table>\n<tr><th class=\"l\">item</th><th class=\"l\">measure</th><th class=\"l\">period</th>"
                + "<th>range</th><th>simulated mean [5%–95%]</th><th>inside</th><th>loss</th>"
                + "<th class=\"l\">source</th></tr>\n");
        for (ResultFolder.CalibrationTables.EvidenceRow r : rows) {
            boolean share = r.statistic().equals("share");
            h.append(r.inside() ? "<tr>" : "<tr class=\"outside\">").append("<td class=\"l\">")
                    .append(esc(r.item())).append("</td><td class=\"l\">").append(esc(label(r.measure())))
                    .append(" <span class=\"meta\">(").append(esc(label(r.statistic()))).append(")</span></td>")
                    .append("<td class=\"l\">").append(esc(r.period())).append("</td><td>")
                    .append(evidenceValue(r.low(), share)).append(" – <b>").append(evidenceValue(r.value(), share))
                    .append("</b> – ").append(evidenceValue(r.high(), share))
                    .append(r.kind().equals("interval") ? "" : " <span class=\"meta\">(" + esc(r.kind()) + ")</span>")
                    .append("</td><td>");
            if (Double.isNaN(r.simulatedMean())) {
                h.append("NA");
            } else {
                h.append(evidenceValue(r.simulatedMean(), share)).append(" [")
                        .append(evidenceValue(r.simulatedP05(), share)).append("–")
                        .append(evidenceValue(r.simulatedP95(), share)).append("]");
            }
            h.append("</td><td>").append(r.inside() ? "yes" : "<span class=\"flag\">no</span>").append("</td><td>")
                    .append(evidenceValue(r.loss(), false)).append("</td><td class=\"l\">").append(esc(r.source()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /**
     * An evidence item's number: a share as a percentage to a tenth of a point, anything else (persons, years, per
     * year) whole from 100 up and to three significant digits below ({@code 3.17}, {@code 0.119}, {@code 18}).
     */
    static String evidenceValue(double v, boolean share) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (share) {
            return String.format(Locale.ROOT, "%.1f%%", 100 * v);
        }
        return significant(v);
    }

    /**
     * A number in its own units (persons, years, a parameter's value) whole from 100 up and to three significant
     * digits below: {@code 4,809}, {@code 3.17}, {@code 0.000119}; {@code ∞} for infinity, {@code NA} for NaN.
     */
    static String significant(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (Math.abs(v) >= 100) {
            return count(v);
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** A key as words: {@code value_at_end} → "value at end". */
    private static String label(String key) {
        return key.replace('_', ' ');
    }

    private static void comparisonTables(StringBuilder h, ResultFolder.ComparisonTables c) {
        h.append("<h2>Arrivals summed over a window</h2>\n<table>\n<tr><th class=\"l\">scenario</th>"
                + "<th>years</th><th>arrivals: mean [5%–95%]</th><th>difference from ")
                .append(esc(c.labels.get(0))).append(": mean [5%–95%]</th></tr>\n");
        for (ResultFolder.ComparisonTables.Cumulative r : c.cumulative) {
            if (r.measure().equals("arrivals") && r.sex().equals("all")) {
                h.append("<tr><td class=\"l\">").append(esc(r.scenario())).append("</td><td>").append(r.fromYear())
                        .append('–').append(r.toYear()).append("</td><td>").append(count(r.mean())).append(" [")
                        .append(count(r.p05())).append("–").append(count(r.p95())).append("]</td><td>")
                        .append(signed(r.differenceMean())).append(" [").append(signed(r.differenceP05()))
                        .append(", ").append(signed(r.differenceP95())).append("]</td></tr>\n");
            }
        }
        h.append("</table>\n<h2>Arrivals per year and the difference from ").append(esc(c.labels.get(0)))
                .append("</h2>\n<p class=\"meta\">").append(esc(c.labels.get(0)))
                .append(": median [5%–95%]. Others: median of the paired difference [5%–95%].</p>\n<table>\n<tr>"
                        + "<th>year</th><th>").append(esc(c.labels.get(0))).append("</th>");
        for (int s = 1; s < c.labels.size(); s++) {
            h.append("<th>").append(esc(c.labels.get(s))).append(" − base</th>");
        }
        h.append("</tr>\n");
        Band base = c.summaries.get(c.labels.get(0) + "/arrivals/all");
        for (int i = 0; i < base.years(); i++) {
            int year = base.firstYear() + i;
            boolean projected = c.projected.contains(year);
            h.append(projected ? "<tr class=\"projected\">" : "<tr>").append("<td>").append(year)
                    .append(projected ? "<span class=\"tag\">projected</span>" : "").append("</td><td>")
                    .append(interval(base, i, false)).append("</td>");
            for (int s = 1; s < c.labels.size(); s++) {
                Band d = c.differences.get(c.labels.get(s) + "/arrivals/all");
                h.append("<td>").append(signed(d.p50()[i])).append(" [").append(signed(d.p05()[i])).append(", ")
                        .append(signed(d.p95()[i])).append("]</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /** What differs from the shipped baseline (a run or calibration), or from the first scenario (a comparison). */
    private static void differences(StringBuilder h, ResultFolder f, JsonNode shippedBaseline) {
        if (f.kind == ResultFolder.Kind.COMPARISON) {
            List<String> labels = f.comparison.labels;
            JsonNode base = f.comparison.scenarios.get(labels.get(0));
            h.append("<h2>What each scenario changes</h2>\n");
            for (int s = 1; s < labels.size(); s++) {
                h.append("<h3>").append(esc(labels.get(s))).append(" against ").append(esc(labels.get(0)))
                        .append("</h3>\n");
                changeTable(h, ScenarioDiff.between(base, f.comparison.scenarios.get(labels.get(s))),
                        labels.get(0), labels.get(s));
            }
            if (shippedBaseline != null) {
                h.append("<h3>").append(esc(labels.get(0))).append(" against the shipped baseline</h3>\n");
                changeTable(h, ScenarioDiff.between(shippedBaseline, base), "shipped baseline", labels.get(0));
            }
            return;
        }
        if (f.scenario == null) {
            // A posterior folder without its base scenario: nothing to compare.
            return;
        }
        h.append(f.kind == ResultFolder.Kind.SWEEP || f.kind == ResultFolder.Kind.POSTERIOR ? "<h2>Values of the "
                + "base scenario that differ from the shipped baseline</h2>\n"
                : "<h2>Parameters that differ from the shipped baseline</h2>\n");
        if (f.kind == ResultFolder.Kind.POSTERIOR) {
            h.append("<p class=\"meta\">Where the posterior's free parameters appear here, it is at the base "
                    + "scenario's values; each predictive run replaces them with its own draw.</p>\n");
        }
        if (shippedBaseline == null) {
            h.append("<p>The shipped baseline (scenarios/baseline.json) was not found beside the program, so this "
                    + "list could not be made.</p>\n");
        } else {
            changeTable(h, ScenarioDiff.between(shippedBaseline, f.scenario), "shipped baseline", "this scenario");
        }
    }

    private static void changeTable(StringBuilder h, List<ScenarioDiff.Change> changes, String before,
                                    String after) {
        if (changes.isEmpty()) {
            h.append("<p>None: the same values (names, descriptions and sources aside).</p>\n");
            return;
        }
        h.append("<table>\n<tr><th class=\"l\">path</th><th class=\"l\">").append(esc(before))
                .append("</th><th class=\"l\">").append(esc(after)).append("</th></tr>\n");
        for (ScenarioDiff.Change c : changes) {
            h.append("<tr><td class=\"l\"><code>").append(esc(c.path())).append("</code></td><td class=\"l\">")
                    .append(c.before() == null ? "<i>absent</i>" : esc(c.before())).append("</td><td class=\"l\">")
                    .append(c.after() == null ? "<i>absent</i>" : esc(c.after())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void manifest(StringBuilder h, JsonNode manifest) {
        h.append("<h2>Manifest</h2>\n<p class=\"meta\">From manifest.json: how to reproduce these results.</p>\n");
        tree(h, manifest);
    }

    /** A JSON object as a two-column table (nested values as compact JSON). */
    private static void tree(StringBuilder h, JsonNode node) {
        h.append("<table>\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String text = v.isTextual() ? v.asText() : v.isArray() && allText(v) ? join(v) : v.toString();
            h.append("<tr><th class=\"l\">").append(esc(e.getKey())).append("</th><td class=\"l\"><code>")
                    .append(esc(text)).append("</code></td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static String join(JsonNode array) {
        StringBuilder s = new StringBuilder();
        for (JsonNode n : array) {
            s.append(s.length() == 0 ? "" : " ").append(n.asText());
        }
        return s.toString();
    }

    private static String interval(Band b, int i, boolean percent) {
        if (Double.isNaN(b.p50()[i])) {
            return "";
        }
        return percent ? percent(b.p50()[i]) + " [" + percent(b.p05()[i]) + "–" + percent(b.p95()[i]) + "]"
                : count(b.p50()[i]) + " [" + count(b.p05()[i]) + "–" + count(b.p95()[i]) + "]";
    }

    static String count(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%,.0f", v);
    }

    static String signed(double v) {
        // "0", not "+0": no difference at all (the scenarios share their history up to a change).
        return Double.isNaN(v) ? "" : Math.round(v) == 0 && v == 0 ? "0" : String.format(Locale.ROOT, "%+,.0f", v);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return Math.abs(v) >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%,.1f", v)
                : String.format(Locale.ROOT, "%.4g", v);
    }

    /** A parameter's value as the spec would give it: 0.1, 10, 0.00001. */
    static String plain(double v) {
        return Double.isFinite(v) ? new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString()
                : "";
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
