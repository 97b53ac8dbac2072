package escaperoutes.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sweep folders written by hand, small enough to compute their charts' datasets on paper.
 *
 * <p>{@link #grid}: a grid of two parameters, {@code a} (levels 1, 2) and {@code b} (0.1 to 10, log scale, 3
 * levels: 0.1, 1, 10), the last changing fastest, so point p = 3·index(a) + index(b); 2 replications, no
 * sensitivity outputs. In results.csv, arrivals summed over the window 2020-2021 (all) are 10p + r in replication
 * r (mean 10p + 0.5), and hiding_china_end (all) in 2021, the last year, is 100 + 2pr (mean 100 + p).
 *
 * <p>{@link #saltelli}: Saltelli's design for parameters {@code x} (0 to 1) and {@code y} (1 to 100, log), N = 2:
 * 8 points, 2 replications; sensitivity output {@code arrivals_2020_2021} is p + 2r, but NA in point 3,
 * replication 1 (so point 3's mean is 3; the others' p + 1). sensitivity.csv holds x's first order 0.5 [0.2, 0.8]
 * and total 0.6 [0.3, 0.9], y's 0.25 [−0.1, 0.6] and 0.4 [0.1, 0.7].
 */
final class HandMadeSweep {
    static final String SCENARIO = """
            {"name": "hand-made-base", "description": "The base of a sweep written by a test.",
             "start": "2020-01-01", "end": "2021-12-31", "scale": 1.0}
            """;

    private HandMadeSweep() {
    }

    static Path grid(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("manifest.json"), manifest("grid", 6, "1/1", 0, 5));
        Files.writeString(dir.resolve("scenario.resolved.json"), SCENARIO);
        Files.writeString(dir.resolve("sweep.resolved.json"), """
                {"name": "hand-grid", "description": "A grid written by a test.", "scenario": "base.json",
                 "parameters": [
                   {"name": "a", "path": "$.attempts.attemptsPerYear", "alsoPaths": [], "lower": null,
                    "upper": null, "logScale": false, "levels": [1.0, 2.0]},
                   {"name": "b", "path": "$.attempts.femaleShare", "alsoPaths": [], "lower": 0.1, "upper": 10.0,
                    "logScale": true, "levels": null}],
                 "design": {"kind": "grid", "levels": 3}, "replications": 2, "seed": 7}
                """);
        double[] a = {1, 2};
        double[] b = {0.1, 1, 10};
        StringBuilder points = new StringBuilder("point,a,b,role\n");
        StringBuilder results = new StringBuilder("point,replication,a,b,year,measure,sex,value\n");
        for (int p = 0; p < 6; p++) {
            String values = value(a[p / 3]) + "," + value(b[p % 3]);
            points.append(p).append(',').append(values).append(",grid\n");
            for (int r = 0; r < 2; r++) {
                String run = p + "," + r + "," + values + ",";
                for (int year = 2020; year <= 2021; year++) {
                    results.append(run).append(year).append(",arrivals,female,").append(p).append('\n');
                    results.append(run).append(year).append(",arrivals,all,").append(5 * p + r).append('\n');
                    results.append(run).append(year).append(",hiding_china_end,all,")
                            .append(year == 2021 ? 100 + 2 * p * r : 50).append('\n');
                }
                results.append(run).append("2020-2021,arrivals,female,").append(2 * p).append('\n');
                results.append(run).append("2020-2021,arrivals,all,").append(10 * p + r).append('\n');
            }
        }
        Files.writeString(dir.resolve("points.csv"), points);
        Files.writeString(dir.resolve("results.csv"), results);
        return dir;
    }

    static Path saltelli(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("manifest.json"), manifest("saltelli", 8, "1/1", 0, 7));
        Files.writeString(dir.resolve("scenario.resolved.json"), SCENARIO);
        Files.writeString(dir.resolve("sweep.resolved.json"), """
                {"name": "hand-saltelli", "description": "Sobol indices written by a test.",
                 "scenario": "base.json",
                 "parameters": [
                   {"name": "x", "path": "$.attempts.femaleShare", "lower": 0.0, "upper": 1.0, "logScale": false},
                   {"name": "y", "path": "$.attempts.attemptsPerYear", "lower": 1.0, "upper": 100.0,
                    "logScale": true}],
                 "design": {"kind": "saltelli", "baseSamples": 2}, "replications": 2, "seed": 7,
                 "sensitivity": {"outputs": [{"name": "arrivals_2020_2021", "measure": "arrivals", "sex": "all",
                   "from": 2020, "to": 2021, "statistic": "sum"}], "bootstrap": 100, "confidenceLevel": 0.9}}
                """);
        String[] roles = {"A", "A", "B", "B", "AB_x", "AB_x", "AB_y", "AB_y"};
        double[][] xy = {{0.25, 10}, {0.75, 1.5}, {0.5, 50}, {0.1, 3}, {0.5, 10}, {0.1, 1.5}, {0.25, 50}, {0.75, 3}};
        StringBuilder points = new StringBuilder("point,x,y,role\n");
        StringBuilder results = new StringBuilder("point,replication,x,y,year,measure,sex,value\n");
        StringBuilder outputs = new StringBuilder("point,replication,output,value\n");
        for (int p = 0; p < 8; p++) {
            String values = value(xy[p][0]) + "," + value(xy[p][1]);
            points.append(p).append(',').append(values).append(',').append(roles[p]).append('\n');
            for (int r = 0; r < 2; r++) {
                results.append(p).append(',').append(r).append(',').append(values).append(",2020-2021,arrivals,all,")
                        .append(p + 2 * r).append('\n');
                outputs.append(p).append(',').append(r).append(",arrivals_2020_2021,")
                        .append(p == 3 && r == 1 ? "NA" : Integer.toString(p + 2 * r)).append('\n');
            }
        }
        Files.writeString(dir.resolve("points.csv"), points);
        Files.writeString(dir.resolve("results.csv"), results);
        Files.writeString(dir.resolve("sensitivity-outputs.csv"), outputs);
        Files.writeString(dir.resolve("sensitivity.csv"), """
                output,parameter,index,value,ci_low,ci_high
                arrivals_2020_2021,x,first_order,0.5,0.2,0.8
                arrivals_2020_2021,x,total,0.6,0.3,0.9
                arrivals_2020_2021,y,first_order,0.25,-0.1,0.6
                arrivals_2020_2021,y,total,0.4,0.1,0.7
                """);
        return dir;
    }

    /**
     * The saltelli folder as chunk 1 of 2 would leave it: points 0-3 only, no sensitivity.csv.
     */
    static Path saltelliChunk(Path dir) throws IOException {
        saltelli(dir);
        Files.writeString(dir.resolve("manifest.json"), manifest("saltelli", 8, "1/2", 0, 3));
        Files.delete(dir.resolve("sensitivity.csv"));
        StringBuilder outputs = new StringBuilder();
        for (String line : Files.readAllLines(dir.resolve("sensitivity-outputs.csv"))) {
            if (line.startsWith("point") || Integer.parseInt(line.split(",")[0]) <= 3) {
                outputs.append(line).append('\n');
            }
        }
        Files.writeString(dir.resolve("sensitivity-outputs.csv"), outputs);
        return dir;
    }

    static String manifest(String design, int points, String chunk, int first, int last) {
        return "{\"sweep\": \"hand\", \"design\": \"" + design + "\", \"points\": " + points
                + ", \"replications\": 2, \"seed\": 7, \"chunk\": \"" + chunk + "\", \"firstPoint\": " + first
                + ", \"lastPoint\": " + last + ", \"programVersion\": \"test\", \"finishedAt\": "
                + "\"2026-01-01T00:00:00Z\"}\n";
    }

    private static String value(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
