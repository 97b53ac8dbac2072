package escaperoutes.scenario;

import escaperoutes.model.ChainDefection;
import escaperoutes.model.Duration;
import escaperoutes.model.EnforcementTimeline;
import escaperoutes.model.HidingBehaviour;
import escaperoutes.model.InitialStock;
import escaperoutes.model.Leg;
import escaperoutes.model.ModelCalendar;
import escaperoutes.model.ModelConfig;
import escaperoutes.model.MultiplierKind;
import escaperoutes.model.OneOffEvent;
import escaperoutes.model.Place;
import escaperoutes.model.Province;
import escaperoutes.model.Sex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a validated scenario into the model's configuration: ids become indices, dates become days, and rates per
 * year become rates per day (a year of 365.25 days) — the one place where a scenario's units are converted.
 */
public final class ScenarioCompiler {
    private static final double DAYS_PER_YEAR = 365.25;

    private ScenarioCompiler() {
    }

    public static ModelConfig compile(Scenario s) {
        return compile(s, ScenarioIds.of(s));
    }

    /** {@code ids} are the scenario's, or those of a scenario it differs from in numbers alone. */
    static ModelConfig compile(Scenario s, ScenarioIds ids) {
        ModelCalendar calendar = new ModelCalendar(s.start(), s.end());
        List<String> countries = List.copyOf(ids.countries().keySet());
        List<String> segments = List.copyOf(ids.segments().keySet());

        List<Place> places = new ArrayList<>();
        for (Scenario.ProvinceSpec p : s.provinces()) {
            places.add(new Place(places.size(), p.id(), p.country(), ids.countries().get(p.country()), false,
                    ids.segments().get(p.segment())));
        }
        for (Scenario.PlaceSpec p : s.places()) {
            places.add(new Place(places.size(), p.id(), p.country(), ids.countries().get(p.country()),
                    p.hiding(), ids.segments().get(p.segment())));
        }

        List<Leg> legs = s.legs().stream()
                .map(l -> new Leg(ids.places().get(l.from()), ids.places().get(l.to()), l.weight(),
                        duration(l.travelDays()), l.death(), l.arrest(), l.turnBack(),
                        ids.segments().get(l.segment())))
                .toList();

        Scenario.AttemptsSpec attempts = s.attempts();
        double totalWeight = s.provinces().stream().mapToDouble(p -> provinceWeight(p, attempts)).sum();
        List<Province> provinces = new ArrayList<>();
        for (Scenario.ProvinceSpec p : s.provinces()) {
            double[] bySex;
            if (p.fixedAttemptsPerYear() != null) {
                bySex = new double[] {p.fixedAttemptsPerYear().female() / DAYS_PER_YEAR,
                        p.fixedAttemptsPerYear().male() / DAYS_PER_YEAR};
            } else {
                double perDay = totalWeight == 0 ? 0
                        : attempts.attemptsPerYear() * provinceWeight(p, attempts) / totalWeight / DAYS_PER_YEAR;
                bySex = new double[] {perDay * attempts.femaleShare(), perDay * (1 - attempts.femaleShare())};
            }
            provinces.add(new Province(ids.places().get(p.id()), p.name(), bySex,
                    p.fixedAttemptsPerYear() == null));
        }

        List<HidingBehaviour> hiding = List.of(hiding(s.china().hiding().female()), hiding(s.china().hiding().male()));

        List<InitialStock> stock = s.initialStock().stream()
                .map(st -> new InitialStock(st.sex().equals("female") ? Sex.FEMALE : Sex.MALE, st.persons(),
                        ids.places().get(st.place()), duration(st.daysInChina())))
                .toList();

        List<EnforcementTimeline.Regime> regimes = new ArrayList<>();
        Scenario.RegimeSpec carriedForward = s.afterLastRegime() == Scenario.AfterLastRegime.CARRY_FORWARD
                ? endingLast(s.regimes()) : null;
        for (Scenario.RegimeSpec r : s.regimes()) {
            double[][][] m = multipliers(r, segments.size(), ids);
            // Regimes do not overlap, so the one ending last is the latest; carried forward, it never ends.
            double endDay = r.end() == null || r == carriedForward ? Double.POSITIVE_INFINITY
                    : calendar.dayOf(r.end()) + 1;
            double startDay = calendar.dayOf(r.start());
            if (r.rampMonths() > 0) {
                // Month k of the ramp (k = 0 … n−1) is in force with the multipliers a fraction (k + ½)/n of the way
                // from the previous regime's to this one's: a linear change in monthly steps.
                Scenario.RegimeSpec previous = s.regimes().stream()
                        .filter(q -> q.end() != null && q.end().plusDays(1).equals(r.start())).findFirst()
                        .orElseThrow();
                double[][][] from = multipliers(previous, segments.size(), ids);
                int n = r.rampMonths();
                for (int k = 0; k < n; k++) {
                    double share = (k + 0.5) / n;
                    double[][][] step = new double[m.length][MultiplierKind.COUNT][Sex.COUNT];
                    for (int g = 0; g < m.length; g++) {
                        for (int kind = 0; kind < MultiplierKind.COUNT; kind++) {
                            for (int sex = 0; sex < Sex.COUNT; sex++) {
                                step[g][kind][sex] = (1 - share) * from[g][kind][sex] + share * m[g][kind][sex];
                            }
                        }
                    }
                    double stepStart = calendar.dayOf(r.start().plusMonths(k));
                    double stepEnd = calendar.dayOf(r.start().plusMonths(k + 1));
                    regimes.add(new EnforcementTimeline.Regime(r.name(), stepStart, stepEnd, step));
                }
                startDay = calendar.dayOf(r.start().plusMonths(n));
            }
            if (startDay < endDay) {
                regimes.add(new EnforcementTimeline.Regime(r.name(), startDay, endDay, m));
            }
        }

        List<OneOffEvent> events = s.events().stream()
                .sorted(Comparator.comparing(Scenario.EventSpec::date))
                .map(e -> event(e, calendar, ids))
                .toList();

        Scenario.ChinaSpec china = s.china();
        Scenario.NorthKoreaSpec nk = s.northKorea();
        return new ModelConfig(calendar, countries, segments, places, legs, provinces, hiding,
                china.annualArrestHazard() / DAYS_PER_YEAR, duration(china.detentionDays()),
                china.repatriationProbability(), china.releaseProbability(),
                ids.segments().get(china.detentionSegment()), duration(nk.detentionDays()),
                nk.deathInDetention(), new double[] {nk.retryProbability().female(), nk.retryProbability().male()},
                duration(nk.retryDelayDays()), s.noRouteWaitDays(), stock, events,
                new EnforcementTimeline(segments.size(), regimes), s.scale(), s.annualVariation(),
                chainDefection(attempts.chain()));
    }

    /** The regime that ends last (an open-ended one if any), or null when there are none. */
    private static Scenario.RegimeSpec endingLast(List<Scenario.RegimeSpec> regimes) {
        Scenario.RegimeSpec last = null;
        for (Scenario.RegimeSpec r : regimes) {
            if (last == null || r.end() == null
                    || (last.end() != null && r.end().isAfter(last.end()))) {
                last = r;
            }
        }
        return last;
    }

    private static ChainDefection chainDefection(Scenario.ChainSpec chain) {
        if (chain == null) {
            return ChainDefection.NONE;
        }
        return new ChainDefection(chain.perResidentPerYear() / DAYS_PER_YEAR, chain.femaleShare(),
                chain.residentsAtStart(), chain.lagMonths(), chain.directShare(), chain.windowMonths());
    }

    /** A province's share of {@code attempts.attemptsPerYear}; none for one with its own fixed rate. */
    static double provinceWeight(Scenario.ProvinceSpec p, Scenario.AttemptsSpec attempts) {
        if (p.fixedAttemptsPerYear() != null) {
            return 0;
        }
        return p.population() * p.propensity() * (p.bordersChina() ? attempts.borderProvinceMultiplier() : 1.0);
    }

    /** A regime's multipliers by segment, kind and sex: the scenario's, and 1 wherever it gives none. */
    private static double[][][] multipliers(Scenario.RegimeSpec r, int segments, ScenarioIds ids) {
        double[][][] m = new double[segments][MultiplierKind.COUNT][Sex.COUNT];
        for (double[][] bySegment : m) {
            for (double[] byKind : bySegment) {
                Arrays.fill(byKind, 1.0);
            }
        }
        r.multipliers().forEach((segment, kinds) -> kinds.forEach((kind, value) -> {
            double[] cell = m[ids.segments().get(segment)][MultiplierKind.ofKey(kind).ordinal()];
            cell[Sex.FEMALE.index()] = value.female();
            cell[Sex.MALE.index()] = value.male();
        }));
        return m;
    }

    private static HidingBehaviour hiding(Scenario.HidingSpec h) {
        return new HidingBehaviour(h.directShare(), h.settleShare(), duration(h.duration()));
    }

    private static OneOffEvent event(Scenario.EventSpec e, ModelCalendar calendar, ScenarioIds ids) {
        if (e instanceof Scenario.EventSpec.MassRepatriation mr) {
            return new OneOffEvent.MassRepatriation(calendar.dayOf(mr.date()), mr.persons(), mr.shareOfDetained(),
                    mr.shareOfHiding());
        }
        Scenario.EventSpec.Airlift a = (Scenario.EventSpec.Airlift) e;
        return new OneOffEvent.Airlift(calendar.dayOf(a.date()), a.persons(), ids.countries().get(a.country()));
    }

    static Duration duration(Scenario.DurationSpec d) {
        if (d instanceof Scenario.DurationSpec.Fixed f) {
            return new Duration.Fixed(f.days());
        } else if (d instanceof Scenario.DurationSpec.Uniform u) {
            return new Duration.Uniform(u.minDays(), u.maxDays());
        } else if (d instanceof Scenario.DurationSpec.Exponential e) {
            return new Duration.Exponential(e.meanDays());
        } else if (d instanceof Scenario.DurationSpec.LogNormal l) {
            return new Duration.LogNormal(l.medianDays(), l.sigma());
        }
        Scenario.DurationSpec.Weibull w = (Scenario.DurationSpec.Weibull) d;
        return new Duration.Weibull(w.scaleDays(), w.shape());
    }
}
