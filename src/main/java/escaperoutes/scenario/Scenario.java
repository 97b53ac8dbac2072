package escaperoutes.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import escaperoutes.io.Default;
import escaperoutes.io.Doc;
import escaperoutes.io.JsonBinder;
import escaperoutes.io.Range;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario file, as read: one record per concern, every key documented in scenarios/README.md. Values are
 * in the units their names say (days, persons, per-year hazards, probabilities in [0, 1]). Bound by {@link JsonBinder}, checked
 * across fields by {@link ScenarioValidator}, turned into the model's configuration by {@link ScenarioCompiler}.
 */
public record Scenario(
        @Doc("short name, used for the results folder") String name,
        @Default("\"\"") String description,
        @Doc("first simulated day, yyyy-mm-dd") LocalDate start,
        @Doc("last simulated day (inclusive), yyyy-mm-dd") LocalDate end,
        @Default("1") @Range(min = 0) double scale,
        @Doc("the origin provinces") List<ProvinceSpec> provinces,
        @Doc("the rate and make-up of attempts") AttemptsSpec attempts,
        @Doc("places of the route network other than the provinces") List<PlaceSpec> places,
        @Doc("legs of the route network") List<LegSpec> legs,
        @Doc("life, arrest and detention in China") ChinaSpec china,
        @Doc("detention and retrying in North Korea") NorthKoreaSpec northKorea,
        @Default("[]") List<StockSpec> initialStock,
        @Default("[]") List<RegimeSpec> regimes,
        @Default("\"carry_forward\"") AfterLastRegime afterLastRegime,
        @Default("[]") List<EventSpec> events,
        @Default("30") @Range(min = 0) double noRouteWaitDays,
        @Doc("year-to-year variation of attempt and departure rates: standard deviation of the log of each year's "
                + "factor (mean 1), drawn per replication")
        @Default("0") @Range(min = 0, max = 2) double annualVariation,
        @Default("{}") Map<String, String> sources) {

    /** The same scenario under another name, e.g. a sweep's point. */
    public Scenario withName(String newName) {
        return new Scenario(newName, description, start, end, scale, provinces, attempts, places, legs, china,
                northKorea, initialStock, regimes, afterLastRegime, events, noRouteWaitDays, annualVariation, sources);
    }

    /** The same scenario with another year-to-year variation σ and sources (say one saying where σ comes from). */
    public Scenario withAnnualVariation(double sigma, Map<String, String> newSources) {
        return new Scenario(name, description, start, end, scale, provinces, attempts, places, legs, china,
                northKorea, initialStock, regimes, afterLastRegime, events, noRouteWaitDays, sigma, newSources);
    }

    /** A province of North Korea where attempts start; also a place of the network (country north_korea). */
    public record ProvinceSpec(
            @Doc("place id used by legs") String id,
            @Doc("display name") String name,
            @Doc("population, persons") @Range(min = 0) long population,
            @Doc("whether the province borders China") boolean bordersChina,
            @Default("1") @Range(min = 0) double propensity,
            @Default("\"nk_border\"") String segment,
            @Doc("first attempts per year by sex at multiplier 1, persons, instead of a share of "
                    + "attempts.attemptsPerYear: an origin outside the population model, such as workers abroad")
            @Default("null") SexSpecific fixedAttemptsPerYear,
            @Doc("the country the origin is in: north_korea, or a country of its own (not china or south_korea) for "
                    + "people who leave from outside North Korea, such as workers, sailors and diplomats abroad")
            @Default("\"north_korea\"") String country,
            @Doc(LOCATION_DOC) @Default("null") Location location) {
    }

    static final String LOCATION_DOC = "where the window (gui) draws the place on its map; for the shipped network's "
            + "place ids, their approximate position by default, elsewhere a row beneath the map";

    /** A point on the map, degrees of the WGS 84 coordinates any map gives. */
    public record Location(
            @Doc("degrees east (negative west)") @Range(min = -180, max = 180) double longitude,
            @Doc("degrees north (negative south)") @Range(min = -90, max = 90) double latitude) {
    }

    /**
     * Attempts per year from province p and sex s, at multiplier 1: attemptsPerYear × w_p / Σw × share_s, with
     * w_p = population × propensity × (borderProvinceMultiplier if the province borders China).
     */
    public record AttemptsSpec(
            @Doc("first attempts per year from all provinces at multiplier 1, persons") @Range(min = 0)
            double attemptsPerYear,
            @Doc("per-capita attempt rate of border provinces relative to the others") @Range(min = 0)
            double borderProvinceMultiplier,
            @Doc("share of women among attempts") @Range(min = 0, max = 1) double femaleShare,
            @Doc("chain defection: attempts that defectors already in South Korea pay brokers for")
            @Default("null") ChainSpec chain) {
    }

    /**
     * Chain defection (escaperoutes.model.ChainDefection): first attempts per year = perResidentPerYear × residents
     * of South Korea (residentsAtStart plus the run's arrivals, lagMonths ago), split by femaleShare, and within a
     * sex between North Korea's provinces in proportion to their own attempts.
     */
    public record ChainSpec(
            @Doc("first attempts per year per defector living in South Korea, at multiplier 1") @Range(min = 0)
            double perResidentPerYear,
            @Doc("share of women among these attempts") @Range(min = 0, max = 1) double femaleShare,
            @Doc("defectors living in South Korea at the start of the run, persons") @Range(min = 0)
            double residentsAtStart,
            @Doc("months from an arrival until the newcomer funds a crossing") @Default("12")
            @Range(min = 0, max = 600) int lagMonths,
            @Doc("share who go straight on from the first hiding place in China") @Default("1")
            @Range(min = 0, max = 1) double directShare,
            @Doc("months after the lag during which an arrival funds crossings (0: for ever)") @Default("0")
            @Range(min = 0, max = 600) int windowMonths) {
    }

    /** A place of the network. */
    public record PlaceSpec(
            @Doc("place id used by legs") String id,
            @Default("\"\"") String name,
            @Doc("country id: north_korea, china, south_korea, or a third country such as laos") String country,
            @Default("false") boolean hiding,
            @Default("\"\"") String segment,
            @Doc(LOCATION_DOC) @Default("null") Location location) {
    }

    /** A leg: risks are independent and checked in the order death, arrest, turned back. */
    public record LegSpec(
            @Doc("starting place id") String from,
            @Doc("place id reached") String to,
            @Default("1") @Range(min = 0) double weight,
            @Doc("travel time distribution, days") DurationSpec travelDays,
            @Default("0") @Range(min = 0, max = 1) double death,
            @Default("0") @Range(min = 0, max = 1) double arrest,
            @Default("0") @Range(min = 0, max = 1) double turnBack,
            @Default("\"\"") String segment) {
    }

    /** A duration distribution in days, chosen by {@code distribution}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "distribution")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = DurationSpec.Fixed.class, name = "fixed"),
        @JsonSubTypes.Type(value = DurationSpec.Uniform.class, name = "uniform"),
        @JsonSubTypes.Type(value = DurationSpec.Exponential.class, name = "exponential"),
        @JsonSubTypes.Type(value = DurationSpec.LogNormal.class, name = "lognormal"),
        @JsonSubTypes.Type(value = DurationSpec.Weibull.class, name = "weibull")})
    public sealed interface DurationSpec {
        record Fixed(@Range(min = 0) double days) implements DurationSpec {
        }

        record Uniform(@Range(min = 0) double minDays, @Range(min = 0) double maxDays) implements DurationSpec {
        }

        record Exponential(@Range(min = 0) double meanDays) implements DurationSpec {
        }

        record LogNormal(@Range(min = 0) double medianDays, @Range(min = 0) double sigma) implements DurationSpec {
        }

        record Weibull(@Range(min = 0) double scaleDays, @Range(min = 0) double shape) implements DurationSpec {
        }
    }

    /** What one sex does on reaching the first hiding place in China. */
    public record HidingSpec(
            @Doc("share who go straight on without hiding") @Range(min = 0, max = 1) double directShare,
            @Doc("share who settle and never move on by themselves") @Range(min = 0, max = 1) double settleShare,
            @Doc("time in hiding before moving on, days at departure multiplier 1") DurationSpec duration) {
    }

    /** A value for each sex; in files either one number for both or {"female": x, "male": y}. */
    public record SexSpecific(double female, double male) {
        public static SexSpecific both(double value) {
            return new SexSpecific(value, value);
        }
    }

    public record HidingBySex(HidingSpec female, HidingSpec male) {
    }

    public record ChinaSpec(
            HidingBySex hiding,
            @Doc("arrest hazard while hiding, per year") @Range(min = 0) double annualArrestHazard,
            @Doc("time China holds a detainee before deciding, days") DurationSpec detentionDays,
            @Doc("probability China repatriates a detainee") @Range(min = 0, max = 1) double repatriationProbability,
            @Doc("probability China releases a detainee it does not repatriate")
            @Range(min = 0, max = 1) double releaseProbability,
            @Default("\"repatriation\"") String detentionSegment) {
    }

    public record NorthKoreaSpec(
            @Doc("time held after being caught or repatriated, days") DurationSpec detentionDays,
            @Default("0") @Range(min = 0, max = 1) double deathInDetention,
            @Doc("probability of trying again, one number or by sex") SexSpecific retryProbability,
            @Doc("time from release to the next attempt, days") DurationSpec retryDelayDays) {
    }

    /** People already hiding in China on the start date. */
    public record StockSpec(
            @Doc("female or male") String sex,
            @Doc("persons") @Range(min = 0) int persons,
            @Doc("hiding place id") String place,
            @Doc("time already spent in China on the start date, days") DurationSpec daysInChina) {
    }

    /**
     * An enforcement regime: multipliers per segment and kind (attempt, arrest, death, turnBack, choice,
     * departure, repatriation, release, retry), each one number or by sex, in force from start to end.
     */
    public record RegimeSpec(
            @Doc("regime name") String name,
            @Default("\"\"") String description,
            @Doc("first day in force, yyyy-mm-dd") LocalDate start,
            @Default("null") LocalDate end,
            @Default("{}") Map<String, Map<String, SexSpecific>> multipliers,
            @Doc("months over which the multipliers move from those of the regime ending the day before to this "
                    + "regime's, a step each month: a change that took hold gradually, such as broker networks "
                    + "growing, rather than overnight; 0 for at once")
            @Default("0") @Range(min = 0, max = 600) int rampMonths) {
    }

    /**
     * What is in force after the regime that ends last, when it ends before the run does. A projection beyond the
     * enforcement timeline assumes today's conditions persist unless the scenario says otherwise.
     */
    public enum AfterLastRegime {
        /** The regime that ends last stays in force to the end of the run, whatever its {@code end}. */
        CARRY_FORWARD,
        /** No regime: every multiplier is 1 after the last regime's {@code end}. */
        NONE;

        // Written back as it is read, so a resolved scenario reads again.
        @JsonValue
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A dated one-off event, chosen by {@code type}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = EventSpec.MassRepatriation.class, name = "massRepatriation"),
        @JsonSubTypes.Type(value = EventSpec.Airlift.class, name = "airlift")})
    public sealed interface EventSpec {
        LocalDate date();

        record MassRepatriation(
                LocalDate date,
                @Default("\"\"") String description,
                @Default("0") @Range(min = 0, max = 1) double shareOfDetained,
                @Default("0") @Range(min = 0, max = 1) double shareOfHiding,
                @Doc("detainees repatriated, a documented count (× scale, rounded); fewer if fewer are held")
                @Default("0") @Range(min = 0) int persons) implements EventSpec {
        }

        record Airlift(
                LocalDate date,
                @Default("\"\"") String description,
                @Range(min = 0) int persons,
                @Doc("country id they leave from; their exit route") String country) implements EventSpec {
        }
    }
}
