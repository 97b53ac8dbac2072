package escaperoutes.scenario;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fills the defaults that depend on other fields, so the resolved scenario states every value it ran with. */
final class ScenarioDefaults {
    private ScenarioDefaults() {
    }

    /**
     * A place without a segment is in the segment named after its country; a leg without one is in its starting
     * place's segment; a place without a name is called by its id.
     */
    static Scenario fill(Scenario s) {
        List<Scenario.PlaceSpec> places = s.places().stream()
                .map(p -> new Scenario.PlaceSpec(p.id(), p.name().isEmpty() ? p.id() : p.name(), p.country(),
                        p.hiding(), p.segment().isEmpty() ? p.country() : p.segment()))
                .toList();
        Map<String, String> segmentOfPlace = new HashMap<>();
        s.provinces().forEach(p -> segmentOfPlace.put(p.id(), p.segment()));
        places.forEach(p -> segmentOfPlace.put(p.id(), p.segment()));
        List<Scenario.LegSpec> legs = s.legs().stream()
                .map(l -> l.segment().isEmpty() && segmentOfPlace.containsKey(l.from())
                        ? new Scenario.LegSpec(l.from(), l.to(), l.weight(), l.travelDays(), l.death(), l.arrest(),
                                l.turnBack(), segmentOfPlace.get(l.from()))
                        : l)
                .toList();
        return new Scenario(s.name(), s.description(), s.start(), s.end(), s.scale(), s.provinces(), s.attempts(),
                places, legs, s.china(), s.northKorea(), s.initialStock(), s.regimes(), s.afterLastRegime(),
                s.events(), s.noRouteWaitDays(), s.annualVariation(), s.sources());
    }
}
