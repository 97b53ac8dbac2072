package escaperoutes.gui;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/**
 * A PNG of the window's map with its charts beside it, headed by the date and regime: painted by our own code (the
 * map's MASON display into an image, each chart by JFreeChart), so it needs neither MASON's movie support nor the
 * windows' places on the screen. Call it on Swing's thread, which paints the charts.
 */
final class Snapshot {
    private static final int HEADER = 26;
    private static final Font HEADER_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    private Snapshot() {
    }

    static BufferedImage image(EscapeRoutesWithUI gui) {
        var inner = gui.display.insideDisplay;
        int mapWidth = Math.max(1, inner.getWidth());
        int mapHeight = Math.max(1, inner.getHeight());
        JFreeChart[] charts = {gui.charts().arrivals, gui.charts().share, gui.charts().inChina};
        int chartWidth = EscapeRoutesWithUI.CHART_WIDTH;
        int chartHeight = EscapeRoutesWithUI.CHART_HEIGHT;
        int width = mapWidth + chartWidth;
        int height = HEADER + Math.max(mapHeight, charts.length * chartHeight);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setFont(HEADER_FONT);
            g.drawString("escape-routes: " + gui.dateAndRegime(), 8, HEADER - 8);
            Graphics2D map = (Graphics2D) g.create(0, HEADER, mapWidth, mapHeight);
            try {
                inner.paint(map);
            } finally {
                map.dispose();
            }
            for (int i = 0; i < charts.length; i++) {
                g.drawImage(charts[i].createBufferedImage(chartWidth, chartHeight), mapWidth, HEADER + i * chartHeight,
                        null);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes the PNG (to a temporary name beside {@code file}, renamed into place when complete). */
    static void write(EscapeRoutesWithUI gui, Path file) throws IOException {
        BufferedImage image = image(gui);
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + ".tmp");
        try {
            if (!ImageIO.write(image, "png", temporary.toFile())) {
                throw new IOException("no PNG writer in this Java");
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
