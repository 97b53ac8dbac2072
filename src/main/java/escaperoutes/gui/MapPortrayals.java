package escaperoutes.gui;

import escaperoutes.chart.Palette;
import escaperoutes.model.Sex;
import escaperoutes.model.Territory;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.SimplePortrayal2D;

/** How the map draws its places and its people (MASON simple portrayals; sizes in screen pixels at scale 1). */
final class MapPortrayals {
    private MapPortrayals() {
    }

    /** Colour of a place's circle by the territory it is in. */
    static Color territoryColour(Territory territory) {
        return switch (territory) {
            case NORTH_KOREA -> new Color(0x78909C);
            case CHINA -> new Color(0xE57373);
            case THIRD_COUNTRY -> new Color(0x81C784);
            case SOUTH_KOREA -> new Color(0x4FC3F7);
        };
    }

    /** A place: a circle in its territory's colour (ringed if it is a hiding place), its id and head count. */
    static final class PlacePortrayal extends SimplePortrayal2D {
        private static final long serialVersionUID = 1L;
        private static final double RADIUS = 5;
        private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

        @Override
        public void draw(Object object, Graphics2D g, DrawInfo2D info) {
            MapView.PlaceNode node = (MapView.PlaceNode) object;
            double scale = Math.max(0.6, Math.min(2.0, info.draw.width));
            double r = RADIUS * scale;
            Ellipse2D.Double circle = new Ellipse2D.Double(info.draw.x - r, info.draw.y - r, 2 * r, 2 * r);
            g.setPaint(territoryColour(node.place.territory()));
            g.fill(circle);
            g.setPaint(node.place.hiding() ? Palette.HIDING.darker() : Color.DARK_GRAY);
            g.setStroke(new BasicStroke(node.place.hiding() ? 2f : 1f));
            g.draw(circle);
            g.setFont(LABEL);
            g.setPaint(Color.BLACK);
            g.drawString(node.toString(), (float) (info.draw.x + r + 2), (float) (info.draw.y - r));
        }

        @Override
        public boolean hitObject(Object object, DrawInfo2D range) {
            double r = RADIUS;
            return new Ellipse2D.Double(range.draw.x - r, range.draw.y - r, 2 * r, 2 * r).intersects(range.clip);
        }
    }

    /**
     * A person: a dot in the sex's colour of the charts; a person held (in China or North Korea) is a square with a
     * dark ring.
     */
    static final class DotPortrayal extends SimplePortrayal2D {
        private static final long serialVersionUID = 1L;
        /** Diameter of a dot, and side of a square, pixels. */
        private static final double SIZE = 3;
        private static final double HELD_SIZE = 4;

        @Override
        public void draw(Object object, Graphics2D g, DrawInfo2D info) {
            PersonTracks.Dot dot = (PersonTracks.Dot) object;
            double s = SIZE;
            double h = HELD_SIZE / 2;
            double x = info.draw.x;
            double y = info.draw.y;
            g.setPaint(dot.sex == Sex.FEMALE ? Palette.WOMEN : Palette.MEN);
            if (dot.detained) {
                Rectangle2D.Double square = new Rectangle2D.Double(x - h, y - h, 2 * h, 2 * h);
                g.fill(square);
                g.setPaint(Palette.DETAINED.darker());
                g.setStroke(new BasicStroke(1f));
                g.draw(square);
            } else {
                g.fill(new Ellipse2D.Double(x - s / 2, y - s / 2, s, s));
            }
        }
    }

    /** The map's key, in its bottom-left corner, and the outline of the magnified region of Korea and the border. */
    static final class Legend {
    }

    static final class LegendPortrayal extends SimplePortrayal2D {
        private static final long serialVersionUID = 1L;
        private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        private static final java.awt.Stroke DASHED = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {4f, 4f}, 0f);
        private final double bottom;

        /** {@code bottom}: the map's height above the row of unplaced places, map units. */
        LegendPortrayal(double bottom) {
            this.bottom = bottom;
        }

        @Override
        public void draw(Object object, Graphics2D g, DrawInfo2D info) {
            // The legend object sits at the map's origin (0, 0); info.draw.width is pixels per map unit.
            double scale = info.draw.width;
            double x0 = info.draw.x;
            double y0 = info.draw.y;
            double zx = x0 + MapPositions.eastOf(MapPositions.ZOOM_WEST) * scale;
            double zy = y0 + MapPositions.southOf(MapPositions.ZOOM_NORTH) * scale;
            double zw = (MapPositions.eastOf(MapPositions.ZOOM_EAST) - MapPositions.eastOf(MapPositions.ZOOM_WEST))
                    * scale;
            double zh = (MapPositions.southOf(MapPositions.ZOOM_SOUTH) - MapPositions.southOf(MapPositions.ZOOM_NORTH))
                    * scale;
            g.setPaint(new Color(0x90A4AE));
            g.setStroke(DASHED);
            g.draw(new Rectangle2D.Double(zx, zy, zw, zh));
            g.setFont(TEXT);
            g.drawString(String.format("Korea and the border: %.1f\u00d7 the scale", MapPositions.ZOOM),
                    (float) (zx + 4), (float) (zy + zh - 4));
            // Bottom right, over the South China Sea, where no place is.
            double y = y0 + bottom * scale - 52;
            double x = x0 + MapPositions.eastOf(MapPositions.ZOOM_WEST - 9) * scale;
            g.setPaint(Palette.WOMEN);
            g.fill(new Ellipse2D.Double(x, y - 7, 7, 7));
            g.setPaint(Color.BLACK);
            g.drawString("woman", (float) (x + 11), (float) y);
            g.setPaint(Palette.MEN);
            g.fill(new Ellipse2D.Double(x + 60, y - 7, 7, 7));
            g.setPaint(Color.BLACK);
            g.drawString("man", (float) (x + 71), (float) y);
            g.setPaint(Color.GRAY);
            g.fill(new Rectangle2D.Double(x + 110, y - 7, 7, 7));
            g.setPaint(Palette.DETAINED.darker());
            g.draw(new Rectangle2D.Double(x + 110, y - 7, 7, 7));
            g.setPaint(Color.BLACK);
            g.drawString("held", (float) (x + 121), (float) y);
            y += 16;
            int i = 0;
            for (Territory territory : Territory.values()) {
                double tx = x + 95 * i++;
                g.setPaint(territoryColour(territory));
                g.fill(new Ellipse2D.Double(tx, y - 8, 9, 9));
                g.setPaint(Color.BLACK);
                g.drawString(territory.name().toLowerCase().replace('_', ' '), (float) (tx + 13), (float) y);
            }
            g.drawString("place id and the people there; ringed in yellow: a hiding place", (float) x, (float) (y + 16));
            g.setStroke(new BasicStroke(1f));
        }
    }
}
