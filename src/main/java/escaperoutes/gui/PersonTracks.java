package escaperoutes.gui;

import escaperoutes.model.Leg;
import escaperoutes.model.ModelConfig;
import escaperoutes.model.ModelListener;
import escaperoutes.model.Person;
import escaperoutes.model.Sex;
import escaperoutes.model.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What the map needs to know of each person it may draw, told by the model as it goes: from each day on, where the
 * person is — on a leg between two places, or staying at a place (hiding, detained, between legs) — or that the
 * person is off the map (at home, arrived, dead). The model walks a journey's legs ahead of its clock, so a track
 * holds the episodes to come, and {@link #sample} reads each person at the day the window shows. Keeps no
 * {@link Person}, only its number and sex.
 */
final class PersonTracks implements ModelListener {

    /** A person on the map at the day sampled. */
    static final class Dot {
        final Sex sex;
        /** Where and how the dot was last sampled. */
        double x;
        double y;
        boolean detained;
        /** The map's update that last showed the dot, and where the map's field holds it (if it does). */
        int shownInUpdate;
        boolean inField;
        double fieldX;
        double fieldY;
        /**
         * The person's own offset from a place or a leg's line, map units: a crowd at a place shows as a disc of
         * dots rather than one dot. Uniform over a disc of radius {@link #SPREAD}, fixed by the person's number.
         */
        final double spreadX;
        final double spreadY;

        Dot(Sex sex, int person) {
            this.sex = sex;
            // Two well-spread numbers in [0, 1) from the person's number (the fractional parts of multiples of the
            // golden ratio and of √2), so that the map draws everyone in the same spot on every run.
            double u = (person * 0.6180339887498949) % 1.0;
            double v = (person * 0.4142135623730951) % 1.0;
            double radius = SPREAD * Math.sqrt(u);
            spreadX = radius * Math.cos(2 * Math.PI * v);
            spreadY = radius * Math.sin(2 * Math.PI * v);
        }
    }

    /** Radius of the disc of dots round a place, map units. */
    static final double SPREAD = 8;

    private enum Kind { LEG, AT_PLACE, OFF_MAP }

    /** From {@code fromDay} on (until the next episode): on leg {@code leg}, at {@code place}, or off the map. */
    private record Episode(Kind kind, double fromDay, double toDay, int leg, int place, Status status) {
    }

    private static final class Track {
        final Dot dot;
        final List<Episode> episodes = new ArrayList<>(4);

        Track(Sex sex, int person) {
            dot = new Dot(sex, person);
        }
    }

    private final Leg[] legs;
    private final int[] provincePlace;
    private final MapPositions positions;
    private final Map<Integer, Track> tracks = new HashMap<>();

    PersonTracks(ModelConfig config, MapPositions positions) {
        this.legs = config.legs().toArray(new Leg[0]);
        this.provincePlace = config.provinces().stream().mapToInt(p -> p.place()).toArray();
        this.positions = positions;
    }

    @Override
    public boolean wantsLegs() {
        return true;
    }

    @Override
    public void leg(Person person, int leg, double fromDay, double toDay) {
        track(person).episodes.add(new Episode(Kind.LEG, fromDay, toDay, leg, -1, person.status()));
    }

    @Override
    public void transition(Person person, Status from, Status to, double day) {
        Episode episode = switch (to) {
            case HIDING_CHINA, DETAINED_CHINA, TRAVELLING_NK, TRANSIT_CHINA, TRANSIT_ABROAD ->
                    new Episode(Kind.AT_PLACE, day, day, -1, person.place(), to);
            // Held in North Korea: caught at the border, or sent back from China to the province's prisons.
            case DETAINED_NK -> new Episode(Kind.AT_PLACE, day, day, -1, provincePlace[person.province()], to);
            case NOT_STARTED, WAITING_NK, STAYED_NK, ARRIVED, DIED -> new Episode(Kind.OFF_MAP, day, day, -1, -1, to);
        };
        if (episode.kind() == Kind.OFF_MAP && !tracks.containsKey(person.id())) {
            return;
        }
        track(person).episodes.add(episode);
    }

    private Track track(Person person) {
        return tracks.computeIfAbsent(person.id(), id -> new Track(person.sex(), id));
    }

    /** What {@link #sample} found: the dots on the map, and per place the people staying there. */
    record Sample(List<Dot> dots, int[] atPlace, int hidingInChina, int heldInChina) {
    }

    /**
     * Every person's dot at {@code day}: on a leg, the position interpolated over the leg's travel time; at a place,
     * the place. Drops the episodes before the one in force, and the persons gone off the map for good by then.
     */
    Sample sample(double day, int places) {
        List<Dot> dots = new ArrayList<>();
        int[] atPlace = new int[places];
        int hiding = 0;
        int held = 0;
        for (Iterator<Track> it = tracks.values().iterator(); it.hasNext(); ) {
            Track track = it.next();
            List<Episode> episodes = track.episodes;
            int current = -1;
            for (int i = 0; i < episodes.size() && episodes.get(i).fromDay() <= day; i++) {
                current = i;
            }
            if (current < 0) {
                continue;
            }
            if (current > 0) {
                episodes.subList(0, current).clear();
            }
            Episode episode = episodes.get(0);
            if (episode.kind() == Kind.OFF_MAP) {
                if (episodes.size() == 1) {
                    it.remove();
                }
                continue;
            }
            Dot dot = track.dot;
            Status status = episode.status();
            dot.detained = status == Status.DETAINED_CHINA || status == Status.DETAINED_NK;
            if (episode.kind() == Kind.LEG) {
                Leg leg = legs[episode.leg()];
                double span = episode.toDay() - episode.fromDay();
                double f = span > 0 ? Math.min(1.0, (day - episode.fromDay()) / span) : 1.0;
                dot.x = positions.x(leg.from()) + f * (positions.x(leg.to()) - positions.x(leg.from()))
                        + dot.spreadX / 2;
                dot.y = positions.y(leg.from()) + f * (positions.y(leg.to()) - positions.y(leg.from()))
                        + dot.spreadY / 2;
            } else {
                dot.x = positions.x(episode.place()) + dot.spreadX;
                dot.y = positions.y(episode.place()) + dot.spreadY;
                atPlace[episode.place()]++;
                hiding += status == Status.HIDING_CHINA ? 1 : 0;
                held += status == Status.DETAINED_CHINA ? 1 : 0;
            }
            dots.add(dot);
        }
        return new Sample(dots, atPlace, hiding, held);
    }
}
