package escaperoutes.scenario;

import java.util.ArrayList;
import java.util.List;

/** Fills the defaults that depend on other fields, so the resolved scenario states every value it ran with. */
final class ScenarioDefaults {
    private ScenarioDefaults() {
    }

    /**
     * Writes out the segments the scenario leaves implicit ({@link ScenarioIds}: a place's is its country's, a leg's
     * its starting place's), and calls a place without a name by its id.
     */
    static Scenario fill(Scenario s, ScenarioIds ids) {
        List<Scenario.PlaceSpec> places = s.places().stream()
                .map(p -> new Scenario.PlaceSpec(p.id(), p.name().isEmpty() ? p.id() : p.name(), p.country(),
                        p.hiding(), ScenarioIds.segmentOf(p), p.location()))
                .toList();
        List<Scenario.LegSpec> legs = new ArrayList<>(s.legs().size());
        for (int i = 0; i < s.legs().size(); i++) {
            Scenario.LegSpec l = s.legs().get(i);
            legs.add(l.segment().equals(ids.legSegment(i)) ? l : new Scenario.LegSpec(l.from(), l.to(), l.weight(),
                    l.travelDays(), l.death(), l.arrest(), l.turnBack(), ids.legSegment(i)));
        }
        return new Scenario(s.name(), s.description(), s.start(), s.end(), s.scale(), s.provinces(), s.attempts(),
                places, List.copyOf(legs), s.china(), s.northKorea(), s.initialStock(), s.regimes(),
                s.afterLastRegime(), s.events(), s.noRouteWaitDays(), s.annualVariation(), s.sources());
    }
}
