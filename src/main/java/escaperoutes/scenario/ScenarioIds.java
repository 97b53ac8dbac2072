package escaperoutes.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ids a scenario defines and the model's numbering of them: places (the provinces first, then the other places),
 * countries ({@code north_korea} first, then the places' countries as they appear, then those of origins outside North
 * Korea), enforcement segments and hiding
 * places — and the segments a scenario may leave implicit: a place without one is in its country's segment, a leg
 * without one in its starting place's. Built once from a scenario as bound and shared by {@link ScenarioDefaults}
 * (which writes the implicit segments out), {@link ScenarioValidator} (which checks references against it) and
 * {@link ScenarioCompiler} (which turns ids into indices). Only ids enter it, so scenarios that differ in numbers
 * alone — the candidates of a calibration, the points of a sweep — share their base's.
 *
 * <p>An id given twice (an invalid scenario, which the validator reports) keeps its first position among the ids and
 * the index, country and segment of its last definition.
 */
final class ScenarioIds {
    static final String NORTH_KOREA = "north_korea";

    private final Map<String, Integer> placeIndex = new LinkedHashMap<>();
    private final Map<String, String> countryOfPlace = new HashMap<>();
    private final Map<String, String> segmentOfPlace = new HashMap<>();
    private final Set<String> hidingPlaces = new LinkedHashSet<>();
    private final Map<String, Integer> countryIndex = new LinkedHashMap<>();
    private final Map<String, Integer> segmentIndex = new LinkedHashMap<>();
    private final List<String> legSegments = new ArrayList<>();

    private ScenarioIds(Scenario s) {
        countryIndex.put(NORTH_KOREA, 0);
        int index = 0;
        for (Scenario.ProvinceSpec p : s.provinces()) {
            definePlace(p.id(), index++, p.country(), p.segment());
        }
        for (Scenario.PlaceSpec p : s.places()) {
            definePlace(p.id(), index++, p.country(), segmentOf(p));
            countryIndex.putIfAbsent(p.country(), countryIndex.size());
            if (p.hiding()) {
                hidingPlaces.add(p.id());
            }
        }
        // An origin outside North Korea (workers abroad) is a country of its own, numbered after the places'.
        for (Scenario.ProvinceSpec p : s.provinces()) {
            countryIndex.putIfAbsent(p.country(), countryIndex.size());
        }
        // The order in which the validator has always listed segments: provinces', places', detention, legs'.
        s.provinces().forEach(p -> addSegment(p.segment()));
        s.places().forEach(p -> addSegment(segmentOf(p)));
        addSegment(s.china().detentionSegment());
        for (Scenario.LegSpec leg : s.legs()) {
            boolean known = placeIndex.containsKey(leg.from()) && placeIndex.containsKey(leg.to());
            String segment = !leg.segment().isEmpty() || !placeIndex.containsKey(leg.from()) ? leg.segment()
                    : segmentOfPlace.get(leg.from());
            legSegments.add(segment);
            if (known) {
                addSegment(segment);
            }
        }
    }

    static ScenarioIds of(Scenario s) {
        return new ScenarioIds(s);
    }

    /** A place's segment: its own, or else its country's. */
    static String segmentOf(Scenario.PlaceSpec p) {
        return p.segment().isEmpty() ? p.country() : p.segment();
    }

    private void definePlace(String id, int index, String country, String segment) {
        placeIndex.put(id, index);
        countryOfPlace.put(id, country);
        segmentOfPlace.put(id, segment);
    }

    private void addSegment(String segment) {
        segmentIndex.putIfAbsent(segment, segmentIndex.size());
    }

    /**
     * Each place id, provinces first, with the model's index of the place (its position among the provinces and
     * then the places).
     */
    Map<String, Integer> places() {
        return Collections.unmodifiableMap(placeIndex);
    }

    /** The country of a place; null for an unknown id. */
    String countryOf(String placeId) {
        return countryOfPlace.get(placeId);
    }

    /** The hiding places' ids, in the order of the places. */
    Set<String> hidingPlaces() {
        return Collections.unmodifiableSet(hidingPlaces);
    }

    /** Each country with the model's index of it. */
    Map<String, Integer> countries() {
        return Collections.unmodifiableMap(countryIndex);
    }

    /**
     * Each segment of the network with the model's index of it: provinces', places', China's detention segment,
     * then those of the legs between known places, in that order.
     */
    Map<String, Integer> segments() {
        return Collections.unmodifiableMap(segmentIndex);
    }

    /** The segment of the leg at {@code position}: its own, or else its starting place's ("" if that is unknown). */
    String legSegment(int position) {
        return legSegments.get(position);
    }
}
