import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/**
 * Checks a browser screenshot of report.html (run with `java .ci/CheckScreenshot.java SHOT FOLDER`): the page is
 * not blank, and the colours the charts draw with (the simulated total, women, exit route Laos for a run; the base
 * scenario's grey for a comparison; the points' means, and the bars of the indices if it has them, for a sweep)
 * cover enough pixels that every chart image loaded. Exit 1 with the reason if not.
 */
public class CheckScreenshot {
    public static void main(String[] args) throws Exception {
        BufferedImage shot = ImageIO.read(new File(args[0]));
        if (shot == null) {
            fail("no screenshot at " + args[0]);
        }
        Path folder = Path.of(args[1]);
        long charts;
        try (var files = Files.list(folder.resolve("charts"))) {
            charts = files.filter(p -> p.toString().endsWith(".png")).count();
        }
        Map<String, Integer> wanted = new TreeMap<>();
        wanted.put("37474f", 0);  // simulated total, base scenario
        if (Files.exists(folder.resolve("annual.csv"))) {
            wanted.put("c2185b", 0);  // women
            wanted.put("2e7d32", 0);  // exit route Laos
        }
        if (Files.exists(folder.resolve("sensitivity.csv"))) {
            wanted.put("00695c", 0);  // a sweep's total Sobol indices or Morris mu*
        }
        long nonWhite = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                int rgb = shot.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF) {
                    nonWhite++;
                }
                String hex = String.format("%06x", rgb);
                wanted.computeIfPresent(hex, (k, n) -> n + 1);
            }
        }
        double inked = (double) nonWhite / ((long) shot.getWidth() * shot.getHeight());
        System.out.printf("screenshot %dx%d, %.1f%% of pixels not white, %d charts; chart colours: %s%n",
                shot.getWidth(), shot.getHeight(), 100 * inked, charts, wanted);
        if (inked < 0.03) {
            fail("the page looks blank");
        }
        for (var e : wanted.entrySet()) {
            // A chart's line of 33 years is thousands of pixels; 200 is far above anti-aliasing noise.
            if (e.getValue() < 200) {
                fail("colour #" + e.getKey() + " is (nearly) absent: a chart image did not load or render");
            }
        }
        System.out.println("report renders in Chromium");
    }

    private static void fail(String why) {
        System.err.println("check-report: " + why);
        System.exit(1);
    }
}
