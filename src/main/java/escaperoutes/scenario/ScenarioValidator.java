package escaperoutes.scenario;

import escaperoutes.io.JsonBinder;
import escaperoutes.io.Problem;
import escaperoutes.model.MultiplierKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The rules that span fields: ids, the network's shape, dates, regimes and events. Collects every problem. */
final class ScenarioValidator {
    private final Scenario s;
    private final ScenarioIds ids;

    ScenarioValidator(Scenario scenario, ScenarioIds ids) {
        this.s = scenario;
        this.ids = ids;
    }

    void validate(List<Problem> problems) {
        if (s.name().isBlank() || !s.name().matches("[A-Za-z0-9._-]+")) {
            problems.add(new Problem("$.name", "must be a non-empty name of letters, digits, '.', '_' or '-' (it "
                    + "names the results folder), found \"" + s.name() + "\""));
        }
        if (s.end().isBefore(s.start())) {
            problems.add(new Problem("$.end", "end date " + s.end() + " is before the start date " + s.start()));
        }
        if (!(s.noRouteWaitDays() > 0)) {
            problems.add(new Problem("$.noRouteWaitDays", "must be greater than 0 days (people waiting for a route "
                    + "to open must let time pass), found " + s.noRouteWaitDays()));
        }
        if (!(s.scale() > 0)) {
            problems.add(new Problem("$.scale", "must be greater than 0 (agents per person), found " + s.scale()));
        }
        checkPlaces(problems);
        checkLegs(problems);
        checkDurations(problems);
        checkHiding(problems);
        checkStock(problems);
        checkRegimes(problems);
        checkEvents(problems);
    }

    private void checkPlaces(List<Problem> problems) {
        if (s.provinces().isEmpty()) {
            problems.add(new Problem("$.provinces", "at least one province is needed"));
        }
        Set<String> placeIds = new HashSet<>();
        for (int i = 0; i < s.provinces().size(); i++) {
            Scenario.ProvinceSpec p = s.provinces().get(i);
            if (!placeIds.add(p.id())) {
                problems.add(new Problem("$.provinces[" + i + "].id", "duplicate place id '" + p.id() + "'"));
            }
            if (p.country().equals("china") || p.country().equals("south_korea") || p.country().isBlank()) {
                problems.add(new Problem("$.provinces[" + i + "].country", "an origin is in north_korea or in a "
                        + "country of its own (e.g. \"abroad\" for workers abroad), not '" + p.country() + "'"));
            }
            Scenario.SexSpecific fixed = p.fixedAttemptsPerYear();
            if (fixed != null) {
                String path = "$.provinces[" + i + "].fixedAttemptsPerYear";
                if (fixed.female() < 0 || !Double.isFinite(fixed.female())) {
                    problems.add(new Problem(path + ".female", "must be a number ≥ 0 (persons per year), found "
                            + fixed.female()));
                }
                if (fixed.male() < 0 || !Double.isFinite(fixed.male())) {
                    problems.add(new Problem(path + ".male", "must be a number ≥ 0 (persons per year), found "
                            + fixed.male()));
                }
            }
        }
        if (!s.initialStock().isEmpty() && !s.provinces().isEmpty()
                && s.provinces().stream().allMatch(p -> p.fixedAttemptsPerYear() != null)) {
            problems.add(new Problem("$.initialStock", "people already in China need a province they came from: "
                    + "at least one province without fixedAttemptsPerYear"));
        }
        if (s.attempts() != null && s.attempts().chain() != null && s.attempts().chain().perResidentPerYear() > 0
                && s.provinces().stream().noneMatch(p -> "north_korea".equals(p.country())
                        && (p.fixedAttemptsPerYear() == null
                                ? s.attempts().attemptsPerYear() > 0
                                        && ScenarioCompiler.provinceWeight(p, s.attempts()) > 0
                                : p.fixedAttemptsPerYear().female() + p.fixedAttemptsPerYear().male() > 0))) {
            problems.add(new Problem("$.attempts.chain", "chain defection brings out relatives from North Korea's "
                    + "provinces in proportion to their own attempts, but no province in north_korea has any"));
        }
        boolean southKorea = false;
        for (int i = 0; i < s.places().size(); i++) {
            Scenario.PlaceSpec p = s.places().get(i);
            String path = "$.places[" + i + "]";
            if (!placeIds.add(p.id())) {
                problems.add(new Problem(path + ".id", "duplicate place id '" + p.id() + "'"));
            }
            if (!p.country().matches("[a-z][a-z0-9_]*")) {
                problems.add(new Problem(path + ".country", "must be a lower-case id such as china or laos, found \""
                        + p.country() + "\""));
            }
            southKorea |= p.country().equals("south_korea");
            if (p.hiding() && !p.country().equals("china")) {
                problems.add(new Problem(path + ".hiding", "only places in china can be hiding places, this one is "
                        + "in " + p.country()));
            }
        }
        if (!southKorea) {
            problems.add(new Problem("$.places", "no place has country south_korea: nobody could arrive"));
        }
    }

    private void checkLegs(List<Problem> problems) {
        Map<String, List<String>> next = new HashMap<>();
        String known = String.join(", ", ids.places().keySet());
        for (int i = 0; i < s.legs().size(); i++) {
            Scenario.LegSpec leg = s.legs().get(i);
            String path = "$.legs[" + i + "]";
            boolean ok = true;
            for (String end : List.of("from", "to")) {
                String id = end.equals("from") ? leg.from() : leg.to();
                if (!ids.places().containsKey(id)) {
                    problems.add(new Problem(path + "." + end, "unknown place '" + id + "'; known places: " + known));
                    ok = false;
                }
            }
            if (!ok) {
                continue;
            }
            if ("south_korea".equals(ids.countryOf(leg.from()))) {
                problems.add(new Problem(path + ".from", "legs cannot leave South Korea (arrival is final)"));
            }
            if (leg.from().equals(leg.to())) {
                problems.add(new Problem(path, "a leg must lead to another place, found " + leg.from() + " → "
                        + leg.to()));
            }
            if (leg.weight() > 0) {
                next.computeIfAbsent(leg.from(), k -> new ArrayList<>()).add(leg.to());
            }
        }
        for (int i = 0; i < s.places().size(); i++) {
            Scenario.PlaceSpec p = s.places().get(i);
            if (!p.country().equals("south_korea") && !next.containsKey(p.id())) {
                problems.add(new Problem("$.places[" + i + "]", "place '" + p.id() + "' has no leg out with weight "
                        + "above 0: people reaching it could never move on"));
            }
        }
        for (int i = 0; i < s.provinces().size(); i++) {
            String id = s.provinces().get(i).id();
            if (!reachesSouthKorea(id, next)) {
                problems.add(new Problem("$.provinces[" + i + "]", "no route from province '" + id
                        + "' to South Korea (follow legs with weight above 0)"));
            }
        }
        for (int i = 0; i < s.places().size(); i++) {
            Scenario.PlaceSpec p = s.places().get(i);
            if (next.containsKey(p.id()) && !reachesSouthKorea(p.id(), next)) {
                problems.add(new Problem("$.places[" + i + "]", "no route from place '" + p.id() + "' to South Korea: "
                        + "people reaching it would be trapped (follow legs with weight above 0)"));
            }
        }
        checkZeroDurationCycles(problems);
    }

    /** Legs that always take 0 days must not form a cycle: a journey along it would never let time pass. */
    private void checkZeroDurationCycles(List<Problem> problems) {
        Map<String, List<Integer>> instant = new LinkedHashMap<>();
        for (int i = 0; i < s.legs().size(); i++) {
            Scenario.LegSpec leg = s.legs().get(i);
            boolean alwaysZero = leg.travelDays() instanceof Scenario.DurationSpec.Fixed f && f.days() == 0
                    || leg.travelDays() instanceof Scenario.DurationSpec.Uniform u && u.maxDays() == 0;
            if (alwaysZero && leg.weight() > 0) {
                instant.computeIfAbsent(leg.from(), k -> new ArrayList<>()).add(i);
            }
        }
        Set<String> done = new LinkedHashSet<>();
        for (String start : instant.keySet()) {
            Deque<String> path = new ArrayDeque<>();
            if (findCycle(start, instant, path, new LinkedHashSet<>(), done)) {
                problems.add(new Problem("$.legs", "legs of 0 days form a cycle " + String.join(" → ", path)
                        + ": a journey round it would never let time pass; give one of them a travel time"));
                return;
            }
        }
    }

    private boolean findCycle(String place, Map<String, List<Integer>> instant, Deque<String> path,
                              Set<String> onPath, Set<String> done) {
        if (onPath.contains(place)) {
            path.addLast(place);
            return true;
        }
        if (!done.add(place)) {
            return false;
        }
        onPath.add(place);
        path.addLast(place);
        for (int legIndex : instant.getOrDefault(place, List.of())) {
            if (findCycle(s.legs().get(legIndex).to(), instant, path, onPath, done)) {
                return true;
            }
        }
        onPath.remove(place);
        path.removeLast();
        return false;
    }

    private boolean reachesSouthKorea(String from, Map<String, List<String>> next) {
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        Set<String> seen = new LinkedHashSet<>(queue);
        while (!queue.isEmpty()) {
            String id = queue.poll();
            if ("south_korea".equals(ids.countryOf(id))) {
                return true;
            }
            for (String to : next.getOrDefault(id, List.of())) {
                if (seen.add(to)) {
                    queue.add(to);
                }
            }
        }
        return false;
    }

    private void checkDurations(List<Problem> problems) {
        for (int i = 0; i < s.legs().size(); i++) {
            checkDuration(s.legs().get(i).travelDays(), "$.legs[" + i + "].travelDays", problems);
        }
        checkDuration(s.china().hiding().female().duration(), "$.china.hiding.female.duration", problems);
        checkDuration(s.china().hiding().male().duration(), "$.china.hiding.male.duration", problems);
        checkDuration(s.china().detentionDays(), "$.china.detentionDays", problems);
        checkDuration(s.northKorea().detentionDays(), "$.northKorea.detentionDays", problems);
        checkDuration(s.northKorea().retryDelayDays(), "$.northKorea.retryDelayDays", problems);
        for (int i = 0; i < s.initialStock().size(); i++) {
            checkDuration(s.initialStock().get(i).daysInChina(), "$.initialStock[" + i + "].daysInChina", problems);
        }
        Scenario.SexSpecific retry = s.northKorea().retryProbability();
        if (retry.female() == retry.male()) {
            checkProbability(retry.female(), "$.northKorea.retryProbability", problems);
        } else {
            checkProbability(retry.female(), "$.northKorea.retryProbability.female", problems);
            checkProbability(retry.male(), "$.northKorea.retryProbability.male", problems);
        }
    }

    /** Negative values were already reported by the binder's ranges; here only what the ranges let through. */
    private static void checkDuration(Scenario.DurationSpec d, String path, List<Problem> problems) {
        if (d instanceof Scenario.DurationSpec.Uniform u && u.maxDays() < u.minDays()) {
            problems.add(new Problem(path + ".maxDays", "must not be below minDays (" + u.minDays() + "), found "
                    + u.maxDays()));
        } else if (d instanceof Scenario.DurationSpec.Exponential e && e.meanDays() == 0) {
            problems.add(new Problem(path + ".meanDays", "must be greater than 0 days, found " + e.meanDays()));
        } else if (d instanceof Scenario.DurationSpec.LogNormal l && l.medianDays() == 0) {
            problems.add(new Problem(path + ".medianDays", "must be greater than 0 days, found " + l.medianDays()));
        } else if (d instanceof Scenario.DurationSpec.Weibull w) {
            if (w.scaleDays() == 0) {
                problems.add(new Problem(path + ".scaleDays", "must be greater than 0 days, found " + w.scaleDays()));
            }
            if (w.shape() == 0) {
                problems.add(new Problem(path + ".shape", "must be greater than 0, found " + w.shape()));
            }
        }
    }

    private static void checkProbability(double p, String path, List<Problem> problems) {
        if (!(p >= 0 && p <= 1)) {
            problems.add(new Problem(path, p + " is outside the allowed range [0, 1]"));
        }
    }

    private void checkHiding(List<Problem> problems) {
        for (String sex : List.of("female", "male")) {
            Scenario.HidingSpec h = sex.equals("female") ? s.china().hiding().female() : s.china().hiding().male();
            if (h.directShare() + h.settleShare() > 1) {
                problems.add(new Problem("$.china.hiding." + sex, "directShare + settleShare must not exceed 1, "
                        + "found " + h.directShare() + " + " + h.settleShare()));
            }
            if (h.directShare() >= 1 && !s.initialStock().isEmpty()) {
                problems.add(new Problem("$.china.hiding." + sex + ".directShare", "must be below 1 when there is an "
                        + "initial stock of people hiding"));
            }
        }
        if (ids.hidingPlaces().isEmpty() && !s.initialStock().isEmpty()) {
            problems.add(new Problem("$.places", "an initial stock needs a hiding place (a place with hiding: true)"));
        }
    }

    private void checkStock(List<Problem> problems) {
        for (int i = 0; i < s.initialStock().size(); i++) {
            Scenario.StockSpec stock = s.initialStock().get(i);
            String path = "$.initialStock[" + i + "]";
            if (!stock.sex().equals("female") && !stock.sex().equals("male")) {
                problems.add(new Problem(path + ".sex", "must be female or male, found \"" + stock.sex() + "\""));
            }
            if (!ids.hidingPlaces().contains(stock.place())) {
                problems.add(new Problem(path + ".place", "'" + stock.place() + "' is not a hiding place; hiding "
                        + "places: " + String.join(", ", ids.hidingPlaces())));
            }
        }
    }

    private void checkRegimes(List<Problem> problems) {
        String kinds = Arrays.stream(MultiplierKind.values()).map(MultiplierKind::key)
                .collect(Collectors.joining(", "));
        List<Scenario.RegimeSpec> regimes = s.regimes();
        for (int i = 0; i < regimes.size(); i++) {
            Scenario.RegimeSpec r = regimes.get(i);
            String path = "$.regimes[" + i + "]";
            if (r.end() != null && r.end().isBefore(r.start())) {
                problems.add(new Problem(path + ".end", "regime '" + r.name() + "' ends (" + r.end()
                        + ") before it starts (" + r.start() + ")"));
            }
            if (r.rampMonths() > 0) {
                boolean follows = regimes.stream().anyMatch(q -> q.end() != null
                        && q.end().plusDays(1).equals(r.start()));
                if (!follows) {
                    problems.add(new Problem(path + ".rampMonths", "regime '" + r.name() + "' ramps from the regime "
                            + "ending the day before it starts (" + r.start().minusDays(1) + "), and there is none"));
                }
                if (r.end() != null && r.start().plusMonths(r.rampMonths()).isAfter(r.end().plusDays(1))) {
                    problems.add(new Problem(path + ".rampMonths", "a ramp of " + r.rampMonths() + " months from "
                            + r.start() + " outlasts regime '" + r.name() + "', which ends " + r.end()));
                }
            }
            for (int j = 0; j < i; j++) {
                Scenario.RegimeSpec q = regimes.get(j);
                boolean overlap = (q.end() == null || !r.start().isAfter(q.end()))
                        && (r.end() == null || !q.start().isAfter(r.end()));
                if (overlap) {
                    problems.add(new Problem(path, "regime '" + r.name() + "' (" + r.start() + " to "
                            + (r.end() == null ? "open end" : r.end()) + ") overlaps regime '" + q.name() + "' ($.regimes["
                            + j + "], " + q.start() + " to " + (q.end() == null ? "open end" : q.end())
                            + "); regimes must not overlap"));
                }
            }
            for (Map.Entry<String, Map<String, Scenario.SexSpecific>> seg : r.multipliers().entrySet()) {
                String segPath = JsonBinder.childPath(path + ".multipliers", seg.getKey());
                if (!ids.segments().containsKey(seg.getKey())) {
                    problems.add(new Problem(segPath, "unknown segment '" + seg.getKey() + "'; segments in this "
                            + "scenario: " + String.join(", ", ids.segments().keySet())));
                }
                for (Map.Entry<String, Scenario.SexSpecific> kind : seg.getValue().entrySet()) {
                    String kindPath = JsonBinder.childPath(segPath, kind.getKey());
                    if (MultiplierKind.ofKey(kind.getKey()) == null) {
                        problems.add(new Problem(kindPath, "unknown multiplier '" + kind.getKey() + "'; allowed: "
                                + kinds));
                    }
                    Scenario.SexSpecific m = kind.getValue();
                    if (m.female() == m.male()) {
                        checkMultiplier(m.female(), kindPath, problems);
                    } else {
                        checkMultiplier(m.female(), kindPath + ".female", problems);
                        checkMultiplier(m.male(), kindPath + ".male", problems);
                    }
                }
            }
        }
    }

    private static void checkMultiplier(double m, String path, List<Problem> problems) {
        if (!(m >= 0) || Double.isInfinite(m)) {
            problems.add(new Problem(path, "a multiplier must be a finite number ≥ 0, found " + m));
        }
    }

    private void checkEvents(List<Problem> problems) {
        for (int i = 0; i < s.events().size(); i++) {
            Scenario.EventSpec e = s.events().get(i);
            String path = "$.events[" + i + "]";
            if (e.date().isBefore(s.start()) || e.date().isAfter(s.end())) {
                problems.add(new Problem(path + ".date", e.date() + " is outside the simulated period " + s.start()
                        + " to " + s.end()));
            }
            if (e instanceof Scenario.EventSpec.Airlift a && !ids.countries().containsKey(a.country())) {
                problems.add(new Problem(path + ".country", "unknown country '" + a.country() + "'; countries: "
                        + String.join(", ", ids.countries().keySet())));
            }
        }
    }
}
