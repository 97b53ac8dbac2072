package escaperoutes.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run folder written by hand, small enough to compute its charts' datasets on paper: years 2020-2021, three
 * replications. Arrivals (all) in 2020 are 10, 20, 30 (women 6, 10, 30); in 2021 0, 40, 50 (women 0, 20, 25).
 * MOU observed 25 in 2020 (15 women); nothing in 2021, so 2021 is projected.
 */
final class HandMadeFolder {
    static final String MANIFEST = """
            {"seed": 7, "replications": 3, "programVersion": "test", "finishedAt": "2026-01-01T00:00:00Z",
             "scenarioSha256": "abc"}
            """;
    static final String SCENARIO = """
            {"name": "hand-made", "description": "A folder written by a test.", "start": "2020-01-01",
             "end": "2021-12-31", "scale": 1.0, "regimes": [{"name": "a", "x": 1}, {"name": "b", "x": 2}]}
            """;

    private HandMadeFolder() {
    }

    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("manifest.json"), MANIFEST);
        Files.writeString(dir.resolve("scenario.resolved.json"), SCENARIO);
        StringBuilder annual = new StringBuilder("replication,year,measure,sex,value\n");
        double[][] all = {{10, 20, 30}, {0, 40, 50}};
        double[][] women = {{6, 10, 30}, {0, 20, 25}};
        for (int rep = 0; rep < 3; rep++) {
            for (int y = 0; y < 2; y++) {
                int year = 2020 + y;
                annual.append(rep).append(',').append(year).append(",arrivals,female,").append(women[y][rep]).append('\n');
                annual.append(rep).append(',').append(year).append(",arrivals,male,")
                        .append(all[y][rep] - women[y][rep]).append('\n');
                annual.append(rep).append(',').append(year).append(",arrivals,all,").append(all[y][rep]).append('\n');
                annual.append(rep).append(',').append(year).append(",mean_years_in_china_of_arrivals,all,")
                        .append(all[y][rep] == 0 ? "NA" : "1.5").append('\n');
                for (String stock : new String[] {"hiding_china_end", "detained_china_end", "repatriations"}) {
                    annual.append(rep).append(',').append(year).append(',').append(stock).append(",all,")
                            .append(100 * (rep + 1) + y).append('\n');
                }
            }
        }
        Files.writeString(dir.resolve("annual.csv"), annual);
        Files.writeString(dir.resolve("summary.csv"), """
                year,measure,sex,mean,p05,p50,p95,observed
                2020,arrivals,female,15.3333,6.4,10,28,15
                2020,arrivals,male,4.66667,0,4,9.4,10
                2020,arrivals,all,20,11,20,29,25
                2021,arrivals,female,15,2,20,24.5,
                2021,arrivals,male,15,2,20,24.5,
                2021,arrivals,all,30,4,40,49,
                """);
        Files.writeString(dir.resolve("routes.csv"), """
                replication,year,exit_route,last_country,sex,value
                0,2020,laos,thailand,all,6
                0,2020,direct_from_china,china,all,4
                1,2020,laos,thailand,all,20
                2,2020,laos,thailand,all,30
                0,2021,laos,thailand,all,0
                1,2021,laos,thailand,all,40
                2,2021,laos,thailand,all,50
                0,2020,laos,thailand,female,6
                """);
        Files.writeString(dir.resolve("origins.csv"), """
                replication,year,province,sex,value
                0,2020,"Abroad: workers, students",all,10
                1,2020,North Hamgyong,all,20
                2,2020,North Hamgyong,all,30
                1,2021,North Hamgyong,all,40
                2,2021,North Hamgyong,all,50
                """);
        return dir;
    }
}
