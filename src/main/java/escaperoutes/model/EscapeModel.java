package escaperoutes.model;

import java.util.List;
import java.util.random.RandomGenerator;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The escape model: one replication of one configuration. Build it, call {@link #runToEnd()}, and read what the
 * {@link ModelListener} was told. Rules, in brief:
 * <ul>
 *   <li>Attempts leave each province as a Poisson process (rate by province and sex, scaled by the ATTEMPT
 *       multiplier of the province's segment).</li>
 *   <li>A journey walks legs chosen by weight at each place; each leg can kill, arrest or turn back. People who
 *       have just crossed into China stop at the first hiding place: a share go straight on, a share settle, the
 *       rest hide for a sampled time. While hiding they face an arrest hazard.</li>
 *   <li>Arrests in North Korea lead to detention there; arrests anywhere else lead to detention in China, then
 *       repatriation, release or longer detention. After detention in North Korea people may try again.</li>
 *   <li>One-off events (mass repatriation, airlift) act on those hiding or detained on their day.</li>
 * </ul>
 * A journey's legs are walked within one event: nothing outside can reach a person in transit, and the enforcement
 * timeline is known, so each leg is drawn with the regime in force on the day the person sets out on it.
 */
public final class EscapeModel extends SimState {
    private static final long serialVersionUID = 1L;
    /** Legs walked in one journey beyond which the network must contain a zero-duration cycle. */
    private static final int MAX_LEGS_PER_JOURNEY = 10_000;

    private final ModelConfig config;
    private final ModelListener listener;
    private final ProgressListener progress;
    /** Days last reported to {@link #progress}. */
    private double daysReported;
    private final RandomStreams streams;
    /**
     * The enforcement in force: {@link #regimes} with each calendar year's factors of the annual variation applied
     * (the same as {@link #regimes} without annual variation).
     */
    private EnforcementTimeline timeline;
    /** The scenario's regimes with the overrides made while running ({@link #overrideMultiplier}). */
    private EnforcementTimeline regimes;
    /** Annual variation: the days each calendar year starts, and its factor (null without annual variation). */
    private final double[] yearStarts;
    private final double[] yearFactors;
    private final Place[] places;
    /**
     * By place index: in North Korea's hands there — North Korea itself, or an origin outside it (workers abroad,
     * watched by North Korea's own agents) — rather than China's.
     */
    private final boolean[] northKoreanHands;
    /** Whether the listener is told each leg a person sets out on ({@link ModelListener#wantsLegs()}). */
    private final boolean reportLegs;
    /** The attempt generators (rescheduled when an override changes the ATTEMPT multiplier). */
    private final List<Generator> generators = new java.util.ArrayList<>();
    /** Longest stretch of days handled by one MASON step (the granularity of the schedule's clock). */
    private int daysPerStep = MAX_DAYS_PER_STEP;
    private final Leg[] legs;
    /** outgoing[place] = indices into {@link #legs} of the legs leaving the place. */
    private final int[][] outgoing;
    /**
     * Per timeline interval, leg and sex: the cumulative outcome bands {death, death-or-arrest,
     * death-or-arrest-or-turned-back} of one uniform draw, and per interval, place and sex the cumulative route
     * choice weights of the place's legs. Precomputed once per model so a leg costs a table read.
     */
    private double[][][] legBands;
    private double[][][][] choiceCumulative;
    /** Cache of the timeline interval last looked up (time mostly moves forward). */
    private int cachedInterval;
    private final double endDay;
    private final double hidingArrestPerDay;

    private final RandomGenerator eventRandom;

    private final People people = new People();
    private int personsCreated;
    private final EventQueue queue;
    /** Time of the agent event being processed, days. */
    private double now;
    /** The day whose events the queue holds (a one-off event within it may have paused it), -1 before the first. */
    private int openDay = -1;
    private long personEvents;
    /** Arrivals in South Korea (agents) by the month they arrived in, counted from January of the first year. */
    private final int[] arrivalsByMonth;
    /** Arrivals of the months before {@link #residentMonthsSummed}, and that month index. */
    private long arrivalsSummed;
    private int residentMonthsSummed;
    /** Arrivals of the months before {@link #windowMonthsDropped}, which no longer fund crossings (a window). */
    private long arrivalsDropped;
    private int windowMonthsDropped;

    public EscapeModel(ModelConfig config, long seed, int replication, ModelListener listener) {
        this(config, seed, replication, listener, ProgressListener.NONE);
    }

    /** A model that also tells {@code progress} the simulated days done as it runs. */
    public EscapeModel(ModelConfig config, long seed, int replication, ModelListener listener,
                       ProgressListener progress) {
        super(seed);
        this.config = config;
        this.listener = listener;
        this.progress = progress;
        this.streams = new RandomStreams(seed, replication);
        // MASON's own generator is not used by the rules; seed it from the run seed and replication anyway.
        this.random = new ec.util.MersenneTwisterFast(seed * 31 + replication);
        this.reportLegs = listener.wantsLegs();
        this.regimes = config.timeline();
        if (config.annualVariation() > 0) {
            ModelCalendar calendar = config.calendar();
            this.yearStarts = new double[calendar.years() + 1];
            for (int y = 0; y <= calendar.years(); y++) {
                yearStarts[y] = calendar.yearStartDay(y);
            }
            this.yearFactors = annualFactors(config, streams.stream(RandomStreams.ANNUAL_VARIATION));
        } else {
            this.yearStarts = null;
            this.yearFactors = null;
        }
        this.timeline = withAnnualVariation(regimes);
        this.places = config.places().toArray(new Place[0]);
        this.northKoreanHands = new boolean[places.length];
        for (Place place : places) {
            northKoreanHands[place.index()] = place.territory() == Territory.NORTH_KOREA;
        }
        for (Province province : config.provinces()) {
            northKoreanHands[province.place()] = true;
        }
        this.endDay = config.calendar().endDay();
        this.hidingArrestPerDay = config.hidingArrestPerDay();
        this.queue = new EventQueue((int) Math.ceil(endDay));
        this.arrivalsByMonth = new int[12 * config.calendar().years()];
        this.legs = config.legs().toArray(new Leg[0]);
        this.outgoing = new int[places.length][];
        for (int i = 0; i < places.length; i++) {
            final int place = i;
            outgoing[i] = java.util.stream.IntStream.range(0, legs.length).filter(l -> legs[l].from() == place)
                    .toArray();
        }
        computeTables();
        this.eventRandom = streams.stream(RandomStreams.ONE_OFF_EVENTS);
    }

    /**
     * Per timeline interval, the legs' outcome bands and the places' cumulative route choice weights (see
     * {@link #legBands}), from {@link #timeline}.
     */
    private void computeTables() {
        int intervals = timeline.intervalCount();
        legBands = new double[intervals][legs.length][3 * Sex.COUNT];
        choiceCumulative = new double[intervals][places.length][Sex.COUNT][];
        cachedInterval = 0;
        for (int iv = 0; iv < intervals; iv++) {
            for (Sex sex : Sex.values()) {
                for (int l = 0; l < legs.length; l++) {
                    Leg leg = legs[l];
                    double death = MultiplierKind.scaleProbability(leg.death(),
                            timeline.multiplierIn(iv, leg.segment(), MultiplierKind.DEATH, sex));
                    double arrest = MultiplierKind.scaleProbability(leg.arrest(),
                            timeline.multiplierIn(iv, leg.segment(), MultiplierKind.ARREST, sex));
                    double turnBack = MultiplierKind.scaleProbability(leg.turnBack(),
                            timeline.multiplierIn(iv, leg.segment(), MultiplierKind.TURN_BACK, sex));
                    double[] bands = legBands[iv][l];
                    bands[3 * sex.index()] = death;
                    bands[3 * sex.index() + 1] = death + (1 - death) * arrest;
                    bands[3 * sex.index() + 2] = death + (1 - death) * arrest + (1 - death) * (1 - arrest) * turnBack;
                }
                for (int p = 0; p < places.length; p++) {
                    double[] cumulative = new double[outgoing[p].length];
                    double total = 0;
                    for (int k = 0; k < cumulative.length; k++) {
                        Leg leg = legs[outgoing[p][k]];
                        total += leg.weight() * timeline.multiplierIn(iv, leg.segment(), MultiplierKind.CHOICE, sex);
                        cumulative[k] = total;
                    }
                    choiceCumulative[iv][p][sex.index()] = cumulative;
                }
            }
        }
    }

    @Override
    public void start() {
        super.start();
        now = 0.0;
        openDay = -1;
        daysReported = 0.0;
        generators.clear();
        createInitialStock(streams.stream(RandomStreams.INITIAL_STOCK));
        for (int p = 0; p < config.provinces().size(); p++) {
            for (Sex sex : Sex.values()) {
                String placeId = places[config.provinces().get(p).place()].id();
                new AttemptGenerator(p, sex, streams.stream(RandomStreams.attempts(placeId, sex)),
                        streams.hash(RandomStreams.persons(placeId, sex))).scheduleNext(0.0);
            }
        }
        if (config.chainDefection().active()) {
            startChainDefection();
        }
        for (OneOffEvent event : config.events()) {
            if (event.day() >= 0 && event.day() < endDay) {
                schedule.scheduleOnce(event.day(), ScheduleOrder.ENFORCEMENT_EVENT.ordering(),
                        (Steppable) state -> apply(event));
            }
        }
        schedule.scheduleOnce(0.0, ScheduleOrder.AGENTS.ordering(), new AgentEvents());
    }

    /** Longest stretch of days handled by one MASON step, unless {@link #setDaysPerStep} says otherwise. */
    private static final int MAX_DAYS_PER_STEP = 30;

    /**
     * The agent events, in exact time order, a stretch of days at a time: from its own time up to the next one-off
     * event (or {@link #daysPerStep} days). People interact only through the one-off events, which run first
     * at their instant (see {@link ScheduleOrder}), and through chain defection, whose generators are agent events
     * reading the arrivals of months already past; so processing the days between one-off events in one MASON step
     * is exact;
     * it replaces one MASON queue operation per event with a bucket append and a small-heap operation. A one-off
     * event within a day (a fractional day, possible through this API though scenario files give dates) pauses the
     * day: the events due before it run, the step resumes at the event's time, after it, with the rest of the day.
     */
    private final class AgentEvents implements Steppable {
        private static final long serialVersionUID = 1L;

        @Override
        public void step(SimState state) {
            double time = schedule.getTime();
            int day = (int) Math.floor(time);
            int last = Math.min(day + daysPerStep, (int) Math.ceil(endDay));
            double nextEvent = Double.POSITIVE_INFINITY;
            for (OneOffEvent event : config.events()) {
                if (event.day() > time && event.day() < nextEvent) {
                    nextEvent = event.day();
                }
            }
            for (; day < last; day++) {
                if (nextEvent < day + 1) {
                    if (nextEvent > day) {
                        processDayBefore(day, nextEvent);
                    }
                    schedule.scheduleOnce(nextEvent, ScheduleOrder.AGENTS.ordering(), this);
                    reportProgress(nextEvent);
                    return;
                }
                processDay(day);
            }
            if (last < endDay) {
                schedule.scheduleOnce(last, ScheduleOrder.AGENTS.ordering(), this);
            }
            reportProgress(Math.min(last, endDay));
        }
    }

    /**
     * One day's agent events in time order (the rest of them, if a one-off event paused the day). The loop handles
     * each event itself rather than through {@link #handle}: this is the model's hottest loop, and with the extra
     * call, a fresh JVM running the baseline's 100 replications on 2 threads three times over took 1.03× as long as
     * before the call was added (median of 8 paired processes; 1.00× with the loop as written here). The bench's
     * warm replications showed no difference.
     */
    private void processDay(int day) {
        openOnce(day);
        for (EventQueue.Entry entry = queue.pollToday(); entry != null; entry = queue.pollToday()) {
            now = entry.due;
            if (entry instanceof Person person) {
                act(person, person.takePendingAction(), now);
            } else {
                ((Generator) entry).fire(now);
            }
        }
    }

    /** The day's agent events due before {@code until}, a one-off event's time within the day. */
    private void processDayBefore(int day, double until) {
        openOnce(day);
        while (queue.nextTimeToday() < until) {
            handle(queue.pollToday());
        }
    }

    private void openOnce(int day) {
        if (openDay != day) {
            queue.openDay(day);
            openDay = day;
        }
    }

    /** An agent event, now due: a person's own transition or a new attempt. */
    private void handle(EventQueue.Entry entry) {
        now = entry.due;
        if (entry instanceof Person person) {
            act(person, person.takePendingAction(), now);
        } else {
            ((Generator) entry).fire(now);
        }
    }

    /** Runs the whole horizon: start, every day up to the end day, finish. */
    public void runToEnd() {
        start();
        while (schedule.step(this)) {
            // each step processes the next instant's events
        }
        reportProgress(endDay);
        finish();
    }

    /** Ends the run (MASON calls it when stepping stops) and tells the listener. */
    @Override
    public void finish() {
        super.finish();
        listener.finished(daysReported);
    }

    private void reportProgress(double days) {
        if (days > daysReported) {
            daysReported = days;
            progress.daysDone(days, endDay);
        }
    }

    /** Agents created so far (the initial stock and every new attempt's person). */
    public int personsCreated() {
        return personsCreated;
    }

    /** Events processed: attempts started plus people's own transitions (for throughput figures). */
    public long personEvents() {
        return personEvents;
    }

    // ---- watching and steering a run as it goes (the window) -------------------------------------------------

    public ModelConfig config() {
        return config;
    }

    /** The listener the model tells of every change (a checkpoint read back carries its own copy). */
    public ModelListener listener() {
        return listener;
    }

    /**
     * Simulated days whose events have all been processed: the run's current day (0 before the first step). Events
     * of a journey already walked may lie beyond it (see {@link ModelListener}).
     */
    public double daysDone() {
        return daysReported;
    }

    /** Name of the regime in force on {@code day}, or null between regimes. */
    public String regimeAt(double day) {
        return regimes.regimeAt(day);
    }

    /**
     * The regime's multiplier in force on {@code day}, with the overrides made so far and before the annual
     * variation's factor for the year (which still applies on top of an ATTEMPT or DEPARTURE multiplier).
     */
    public double regimeMultiplier(int segment, MultiplierKind kind, Sex sex, double day) {
        return regimes.multiplier(segment, kind, sex, day);
    }

    /**
     * Sets the multiplier of {@code kind} in {@code segment} for {@code sex} to {@code value} from the current day
     * ({@link #daysDone()}) to the end of the regime in force then (to the next regime's start between regimes).
     * It applies to what is decided from that day on: legs set out on, route choices, the share going straight on,
     * China's and the retry decisions, and new attempts (the attempt processes of that segment and sex draw their
     * next attempt afresh from that day, which is exact: they are Poisson processes). What was decided before it keeps its draws: the legs of
     * a journey already walked ahead of the day, and the departure and arrest times of hiding spells already begun.
     * Call it between steps (holding the schedule's lock while the run is playing).
     */
    public void overrideMultiplier(int segment, MultiplierKind kind, Sex sex, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("a multiplier must be a finite number ≥ 0, got " + value);
        }
        if (segment < 0 || segment >= regimes.segments()) {
            throw new IllegalArgumentException("no segment " + segment + "; there are " + regimes.segments());
        }
        double from = daysReported;
        double to = regimes.intervalEnd(regimes.interval(from));
        regimes = regimes.withMultiplier(segment, kind, sex, value, from, to);
        timeline = withAnnualVariation(regimes);
        computeTables();
        if (kind == MultiplierKind.ATTEMPT) {
            for (Generator generator : generators) {
                if (generator.segment == segment && generator.sex == sex) {
                    generator.redrawFrom(from);
                }
            }
        }
    }

    /**
     * Days of agent events processed by one MASON step, at most (default 30): a smaller number moves the clock the
     * window shows in smaller steps; the results do not depend on it (see {@link AgentEvents}).
     */
    public void setDaysPerStep(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days per step must be at least 1, got " + days);
        }
        daysPerStep = days;
    }

    // ---- attempts -------------------------------------------------------------------------------------------

    /** A source of new persons in the event queue. */
    private abstract class Generator extends EventQueue.Entry {
        final int province;
        final Sex sex;
        final RandomGenerator random;
        /** The ATTEMPT multiplier's segment: the province's. */
        final int segment;
        /** Hash of this origin's persons (a {@link RandomStreams} origin name), and how many it has created. */
        private final long personsHash;
        private long created;

        Generator(int province, Sex sex, RandomGenerator random, long personsHash) {
            this.province = province;
            this.sex = sex;
            this.random = random;
            this.personsHash = personsHash;
            this.segment = places[config.provinces().get(province).place()].segment();
        }

        /** The origin's next person, at the province's place, not yet started. */
        Person nextPerson() {
            return newPerson(sex, province, config.provinces().get(province).place(),
                    streams.personKey(personsHash, created++));
        }

        /** The generator's event, now due. */
        abstract void fire(double day);

        /** Drops the pending event and draws the next one afresh from {@code day} on. */
        abstract void redrawFrom(double day);
    }

    /** The Poisson process of first attempts from one province for one sex. */
    private final class AttemptGenerator extends Generator {
        private final double ratePerDay;

        AttemptGenerator(int province, Sex sex, RandomGenerator random, long personsHash) {
            super(province, sex, random, personsHash);
            generators.add(this);
            this.ratePerDay = config.provinces().get(province).attemptsPerDay()[sex.index()] * config.scale();
        }

        void scheduleNext(double from) {
            if (ratePerDay <= 0) {
                return;
            }
            double next = timeline.timeToAccumulate(segment, MultiplierKind.ATTEMPT, sex, from, ratePerDay,
                    exponential(random));
            if (next < endDay) {
                queue.schedule(this, next);
            }
        }

        @Override
        void fire(double day) {
            startAttempt(nextPerson(), day);
            scheduleNext(day);
        }

        @Override
        void redrawFrom(double day) {
            queue.cancel(this);
            scheduleNext(day);
        }
    }

    /**
     * One chain-defection process per North Korean province and sex, at a rate proportional to the province's share
     * of that sex's attempts among North Korea's provinces.
     */
    private void startChainDefection() {
        ChainDefection chain = config.chainDefection();
        List<Province> provinces = config.provinces();
        for (Sex sex : Sex.values()) {
            double total = 0;
            for (Province province : provinces) {
                if (places[province.place()].territory() == Territory.NORTH_KOREA) {
                    total += province.attemptsPerDay()[sex.index()];
                }
            }
            double sexShare = sex == Sex.FEMALE ? chain.femaleShare() : 1 - chain.femaleShare();
            for (int p = 0; p < provinces.size(); p++) {
                Province province = provinces.get(p);
                double rate = province.attemptsPerDay()[sex.index()];
                if (total <= 0 || rate <= 0 || sexShare <= 0
                        || places[province.place()].territory() != Territory.NORTH_KOREA) {
                    continue;
                }
                String placeId = places[province.place()].id();
                new ChainGenerator(p, sex, chain.attemptsPerResidentPerDay() * sexShare * rate / total,
                        streams.stream(RandomStreams.chainAttempts(placeId, sex)),
                        streams.hash(RandomStreams.chainPersons(placeId, sex))).scheduleFrom(0.0);
            }
        }
    }

    /**
     * Defectors living in South Korea who fund crossings in month {@code month}, in agents: those there at the start
     * and the run's arrivals before month − lag (with a window, only the arrivals of its months, and nobody from the
     * start). Every arrival before a month's start is known by then (a journey is walked, and its arrival recorded,
     * no later than the day it arrives), and months are asked for in order.
     */
    private double fundingResidents(int month) {
        ChainDefection chain = config.chainDefection();
        int upTo = Math.max(0, Math.min(month - chain.lagMonths(), arrivalsByMonth.length));
        while (residentMonthsSummed < upTo) {
            arrivalsSummed += arrivalsByMonth[residentMonthsSummed++];
        }
        if (chain.windowMonths() <= 0) {
            return chain.residentsAtStart() * config.scale() + arrivalsSummed;
        }
        int from = Math.max(0, upTo - chain.windowMonths());
        while (windowMonthsDropped < from) {
            arrivalsDropped += arrivalsByMonth[windowMonthsDropped++];
        }
        return arrivalsSummed - arrivalsDropped;
    }

    /**
     * The chain-defection attempts from one province for one sex: a Poisson process whose rate is constant within a
     * calendar month (the residents funding it are counted at the month's start). It draws the next attempt within
     * the month; if none falls before the month ends, it wakes at the next month's start and draws again (exact, the
     * process being memoryless).
     */
    private final class ChainGenerator extends Generator {
        /** Attempts per resident per day from this province and sex, at multiplier 1. */
        private final double ratePerResidentPerDay;
        /** Whether the pending event is an attempt (else the start of a month). */
        private boolean attemptDue;

        ChainGenerator(int province, Sex sex, double ratePerResidentPerDay, RandomGenerator random,
                       long personsHash) {
            super(province, sex, random, personsHash);
            generators.add(this);
            this.ratePerResidentPerDay = ratePerResidentPerDay;
        }

        void scheduleFrom(double from) {
            ModelCalendar calendar = config.calendar();
            int month = calendar.monthIndex(from);
            double monthEnd = Math.min(calendar.monthStartDay(month + 1), endDay);
            double rate = ratePerResidentPerDay * fundingResidents(month);
            double next = rate > 0
                    ? timeline.timeToAccumulate(segment, MultiplierKind.ATTEMPT, sex, from, rate, exponential(random))
                    : Double.POSITIVE_INFINITY;
            if (next < monthEnd) {
                attemptDue = true;
                queue.schedule(this, next);
            } else if (monthEnd < endDay) {
                attemptDue = false;
                queue.schedule(this, monthEnd);
            }
        }

        @Override
        void fire(double day) {
            if (attemptDue) {
                Person person = nextPerson();
                person.planned = true;
                startAttempt(person, day);
            }
            scheduleFrom(day);
        }

        @Override
        void redrawFrom(double day) {
            queue.cancel(this);
            scheduleFrom(day);
        }
    }

    private Person newPerson(Sex sex, int province, int place, long randomKey) {
        return new Person(personsCreated++, sex, province, place, randomKey);
    }

    private void startAttempt(Person person, double day) {
        personEvents++;
        person.place = (short) config.provinces().get(person.province).place();
        // A new trip: what happened on an earlier one (settling, the date of entering China) no longer applies.
        person.mustHide = false;
        person.settled = false;
        person.chinaEntryDay = Double.NaN;
        person.exitCountry = -1;
        // From an origin outside North Korea (workers abroad) the person is outside North Korea from the start.
        move(person, places[person.place].territory() == Territory.NORTH_KOREA ? Status.TRAVELLING_NK
                : Status.TRANSIT_ABROAD, day);
        walk(person, day);
    }

    /** Whether the person's origin (province) is outside North Korea: workers, sailors and diplomats abroad. */
    private boolean fromOriginAbroad(Person person) {
        return places[config.provinces().get(person.province).place()].territory() != Territory.NORTH_KOREA;
    }

    // ---- journeys -------------------------------------------------------------------------------------------

    /** Walks legs from the person's place until something needs the schedule (or the journey ends). */
    private void walk(Person person, double day) {
        Sex sex = person.sex();
        for (int walked = 0; ; walked++) {
            if (day >= endDay) {
                return;
            }
            if (walked > MAX_LEGS_PER_JOURNEY) {
                throw new IllegalStateException("person " + person.id + " walked more than " + MAX_LEGS_PER_JOURNEY
                        + " legs without time passing: the network has a cycle of zero-duration legs");
            }
            Place place = places[person.place];
            if (place.hiding() && person.mustHide) {
                person.mustHide = false;
                person.hidingPlace = (short) place.index();
                HidingBehaviour behaviour = config.hiding(sex);
                double u = person.nextDouble();
                double direct = person.planned ? config.chainDefection().directShare()
                        : MultiplierKind.scaleProbability(behaviour.directShare(),
                                timeline.multiplierIn(interval(day), place.segment(), MultiplierKind.DIRECT, sex));
                if (u >= direct) {
                    // Of those who stop, the share who settle is the scenario's whatever the regime does to the
                    // direct journeys (written as before where it does nothing, so that results stay the same).
                    person.settled = direct == behaviour.directShare() && !person.planned
                            ? u < behaviour.directShare() + behaviour.settleShare()
                            : (u - direct) / (1 - direct) < behaviour.settleShare() / (1 - behaviour.directShare());
                    move(person, Status.HIDING_CHINA, day);
                    beginHiding(person, day, Double.NaN);
                    return;
                }
            }
            int interval = interval(day);
            int legIndex = chooseLeg(person, sex, interval);
            if (legIndex < 0) {
                scheduleAt(person, Person.Action.CHOOSE_AGAIN, day + config.noRouteWaitDays());
                return;
            }
            Leg leg = legs[legIndex];
            double[] bands = legBands[interval][legIndex];
            double duration = leg.travelDays().sample(person);
            if (reportLegs) {
                listener.leg(person, legIndex, day, day + duration);
            }
            // One uniform decides the outcome; within an outcome's band it is again uniform, and gives the
            // fraction of the leg travelled when the death, arrest or turning back happens.
            double u = person.nextDouble();
            double deathBand = bands[3 * sex.index()];
            double arrestBand = bands[3 * sex.index() + 1];
            double turnBackBand = bands[3 * sex.index() + 2];
            boolean fromNorthKorea = northKoreanHands[place.index()];
            if (u < deathBand) {
                move(person, Status.DIED, day + duration * (u / deathBand));
                return;
            }
            if (u < arrestBand) {
                double at = day + duration * ((u - deathBand) / (arrestBand - deathBand));
                if (fromNorthKorea) {
                    move(person, Status.DETAINED_NK, at);
                    scheduleNkDetentionEnd(person, at);
                } else {
                    move(person, Status.DETAINED_CHINA, at);
                    beginChinaDetention(person, at);
                }
                return;
            }
            if (u < turnBackBand) {
                double at = day + duration * ((u - arrestBand) / (turnBackBand - arrestBand));
                if (fromNorthKorea) {
                    returnHome(person, at);
                } else if (person.hidingPlace >= 0) {
                    person.place = (short) person.hidingPlace;
                    move(person, Status.HIDING_CHINA, at);
                    beginHiding(person, at, Double.NaN);
                } else {
                    scheduleAt(person, Person.Action.CHOOSE_AGAIN, at + config.noRouteWaitDays());
                }
                return;
            }
            day += duration;
            Place next = places[leg.to()];
            person.place = (short) next.index();
            Territory from = place.territory();
            Territory to = next.territory();
            if (to == Territory.SOUTH_KOREA) {
                person.lastCountry = (byte) place.countryIndex();
                move(person, Status.ARRIVED, day);
                return;
            }
            if (to != from) {
                if (to == Territory.CHINA) {
                    if (from == Territory.NORTH_KOREA) {
                        person.chinaEntryDay = day;
                        person.mustHide = true;
                    }
                    move(person, Status.TRANSIT_CHINA, day);
                } else if (to == Territory.THIRD_COUNTRY) {
                    move(person, Status.TRANSIT_ABROAD, day);
                } else {
                    move(person, Status.TRAVELLING_NK, day);
                }
            }
            if (to == Territory.THIRD_COUNTRY && person.exitCountry < 0) {
                person.exitCountry = (byte) next.countryIndex();
            }
        }
    }

    /** A leg out of the place (index into legs), chosen by weight × CHOICE multiplier; -1 if all are closed. */
    private int chooseLeg(Person person, Sex sex, int interval) {
        int place = person.place;
        double[] cumulative = choiceCumulative[interval][place][sex.index()];
        int n = cumulative.length;
        if (n == 0 || !(cumulative[n - 1] > 0)) {
            return -1;
        }
        if (n == 1) {
            return outgoing[place][0];
        }
        double pick = person.nextDouble() * cumulative[n - 1];
        for (int k = 0; k < n - 1; k++) {
            if (pick < cumulative[k]) {
                return outgoing[place][k];
            }
        }
        return outgoing[place][n - 1];
    }

    /** The timeline interval containing {@code day}, remembering the last one found. */
    private int interval(double day) {
        int i = cachedInterval;
        if (day >= timeline.intervalStart(i) && day < timeline.intervalEnd(i)) {
            return i;
        }
        cachedInterval = timeline.interval(day);
        return cachedInterval;
    }

    // ---- hiding and detention -------------------------------------------------------------------------------

    /**
     * Starts a spell of hiding at the person's place on {@code day}. {@code departureDays} is the time in hiding
     * still to pass (departure-clock days), or NaN to draw a fresh one.
     */
    private void beginHiding(Person person, double day, double departureDays) {
        person.statusSince = day;
        people.addOnce(person);
        int segment = places[person.place].segment();
        double departAt = Double.POSITIVE_INFINITY;
        if (!person.settled) {
            double wait = Double.isNaN(departureDays)
                    ? config.hiding(person.sex()).duration().sample(person) : departureDays;
            departAt = timeline.timeToAccumulate(segment, MultiplierKind.DEPARTURE, person.sex(), day, 1.0, wait);
        }
        double arrestAt = Double.POSITIVE_INFINITY;
        if (hidingArrestPerDay > 0) {
            arrestAt = timeline.timeToAccumulate(segment, MultiplierKind.ARREST, person.sex(), day,
                    hidingArrestPerDay, exponential(person));
        }
        if (departAt <= arrestAt) {
            scheduleAt(person, Person.Action.DEPART_HIDING, departAt);
        } else {
            scheduleAt(person, Person.Action.ARRESTED_IN_HIDING, arrestAt);
        }
    }

    private void beginChinaDetention(Person person, double day) {
        person.statusSince = day;
        people.addOnce(person);
        scheduleAt(person, Person.Action.CHINA_DETENTION_ENDS,
                day + config.chinaDetentionDays().sample(person));
    }

    /** China decides: repatriate, release into hiding, or hold for another detention period. */
    private void endChinaDetention(Person person, double day) {
        int segment = config.chinaDetentionSegment();
        double repatriation = MultiplierKind.scaleProbability(config.repatriationProbability(),
                timeline.multiplierIn(interval(day), segment, MultiplierKind.REPATRIATION, person.sex()));
        if (person.nextDouble() < repatriation) {
            repatriate(person, day);
            return;
        }
        double release = MultiplierKind.scaleProbability(config.releaseProbability(),
                timeline.multiplierIn(interval(day), segment, MultiplierKind.RELEASE, person.sex()));
        if (person.nextDouble() < release) {
            if (person.hidingPlace >= 0) {
                person.place = (short) person.hidingPlace;
            }
            move(person, Status.HIDING_CHINA, day);
            beginHiding(person, day, Double.NaN);
        } else if (repatriation == 0 && release == 0) {
            // Nobody leaves detention while the regime lasts (the 2020-23 closure). Those China held through it
            // were not processed one by one when it ended: they were sent back in documented waves (HRW: ~80 on
            // 29 August 2023, ~40 on 18 September, 500-600 on 9 October, ~60 on 26 April 2024) while the rest stayed
            // held. So the person stays held, with nothing scheduled, until a one-off event takes them.
            person.statusSince = day;
        } else {
            beginChinaDetention(person, day);
        }
    }

    private void repatriate(Person person, double day) {
        move(person, Status.DETAINED_NK, day);
        scheduleNkDetentionEnd(person, day);
    }

    private void scheduleNkDetentionEnd(Person person, double day) {
        scheduleAt(person, Person.Action.NK_DETENTION_ENDS, day + config.nkDetentionDays().sample(person));
    }

    private void endNkDetention(Person person, double day) {
        if (person.nextDouble() < config.deathInNkDetention()) {
            move(person, Status.DIED, day);
        } else if (fromOriginAbroad(person)) {
            // Sent back from abroad, the person is in North Korea now, with no post abroad to leave from again.
            move(person, Status.STAYED_NK, day);
        } else {
            returnHome(person, day);
        }
    }

    /** Back home in the province: try again later, or stay for good. */
    private void returnHome(Person person, double day) {
        Province province = config.provinces().get(person.province);
        person.place = (short) province.place();
        double retry = MultiplierKind.scaleProbability(config.retryProbability()[person.sex().index()],
                timeline.multiplierIn(interval(day), places[province.place()].segment(), MultiplierKind.RETRY,
                        person.sex()));
        if (person.nextDouble() < retry) {
            move(person, Status.WAITING_NK, day);
            scheduleAt(person, Person.Action.RETRY, day + config.retryDelayDays().sample(person));
        } else {
            move(person, Status.STAYED_NK, day);
        }
    }

    /** The person's pending action, now due. */
    private void act(Person person, Person.Action action, double day) {
        personEvents++;
        switch (action) {
            case DEPART_HIDING:
                person.exitCountry = -1;
                move(person, Status.TRANSIT_CHINA, day);
                walk(person, day);
                break;
            case ARRESTED_IN_HIDING:
                move(person, Status.DETAINED_CHINA, day);
                beginChinaDetention(person, day);
                break;
            case CHINA_DETENTION_ENDS:
                endChinaDetention(person, day);
                break;
            case NK_DETENTION_ENDS:
                endNkDetention(person, day);
                break;
            case RETRY:
                personEvents--; // counted by startAttempt
                startAttempt(person, day);
                break;
            case CHOOSE_AGAIN:
                walk(person, day);
                break;
            default:
                throw new IllegalStateException("no action pending for person " + person.id);
        }
    }

    // ---- one-off events and the warm-up ---------------------------------------------------------------------

    private void apply(OneOffEvent event) {
        double day = event.day();
        now = day;
        if (event instanceof OneOffEvent.MassRepatriation mass) {
            int persons = (int) Math.round(mass.persons() * config.scale());
            for (Person person : people.sampleCount(Status.DETAINED_CHINA, persons, day, eventRandom)) {
                repatriate(person, day);
            }
            for (Person person : people.sample(Status.DETAINED_CHINA, mass.shareOfDetained(), day, eventRandom)) {
                repatriate(person, day);
            }
            for (Person person : people.sample(Status.HIDING_CHINA, mass.shareOfHiding(), day, eventRandom)) {
                move(person, Status.DETAINED_CHINA, day);
                repatriate(person, day);
            }
        } else if (event instanceof OneOffEvent.Airlift airlift) {
            int persons = (int) Math.round(airlift.persons() * config.scale());
            for (Person person : people.sampleCount(Status.HIDING_CHINA, persons, day, eventRandom)) {
                cancelPending(person);
                person.exitCountry = (byte) airlift.country();
                person.lastCountry = (byte) airlift.country();
                move(person, Status.ARRIVED, day);
            }
        }
    }

    private void createInitialStock(RandomGenerator random) {
        List<InitialStock> stocks = config.initialStock();
        for (int entry = 0; entry < stocks.size(); entry++) {
            InitialStock stock = stocks.get(entry);
            long personsHash = streams.hash(RandomStreams.initialStockPersons(entry));
            int persons = (int) Math.round(stock.persons() * config.scale());
            HidingBehaviour behaviour = config.hiding(stock.sex());
            // Of those who stop to hide at all, this share settle.
            double settleShareOfHiders = behaviour.settleShare() / (1.0 - behaviour.directShare());
            for (int i = 0; i < persons; i++) {
                Person person = newPerson(stock.sex(), drawProvince(stock.sex(), random), stock.place(),
                        streams.personKey(personsHash, i));
                double elapsed = stock.daysInChina().sample(random);
                person.hidingPlace = (short) stock.place();
                person.chinaEntryDay = -elapsed;
                person.settled = random.nextDouble() < settleShareOfHiders;
                move(person, Status.HIDING_CHINA, 0.0);
                double remaining = person.settled ? Double.NaN
                        : behaviour.duration().sampleGiven(elapsed, random) - elapsed;
                beginHiding(person, 0.0, remaining);
            }
        }
    }

    /** A province of the initial stock, drawn in proportion to the sex's attempt rates among stock origins. */
    private int drawProvince(Sex sex, RandomGenerator random) {
        List<Province> provinces = config.provinces();
        double total = 0;
        int last = -1;
        for (int i = 0; i < provinces.size(); i++) {
            if (provinces.get(i).stockOrigin()) {
                total += provinces.get(i).attemptsPerDay()[sex.index()];
                last = i;
            }
        }
        if (last < 0) {
            throw new IllegalStateException("no province can be the origin of people already in China");
        }
        double pick = random.nextDouble() * total;
        for (int i = 0; i < last; i++) {
            if (provinces.get(i).stockOrigin()) {
                pick -= provinces.get(i).attemptsPerDay()[sex.index()];
                if (pick < 0) {
                    return i;
                }
            }
        }
        return last;
    }

    /**
     * Each calendar year's lognormal factor of mean 1 for the attempt and departure multipliers: the year-to-year
     * ups and downs that no documented regime explains (a broker network broken up, a good harvest, a local
     * campaign), so that replications spread as much as years do, not only as much as chance among individuals
     * makes them.
     */
    private static double[] annualFactors(ModelConfig config, RandomGenerator random) {
        double sigma = config.annualVariation();
        double[] factors = new double[config.calendar().years()];
        for (int y = 0; y < factors.length; y++) {
            factors[y] = Math.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
        }
        return factors;
    }

    /** {@code regimes} with the annual variation's factors applied to its ATTEMPT and DEPARTURE multipliers. */
    private EnforcementTimeline withAnnualVariation(EnforcementTimeline regimes) {
        return yearFactors == null ? regimes
                : regimes.scaledByYear(yearStarts, yearFactors, MultiplierKind.ATTEMPT, MultiplierKind.DEPARTURE);
    }

    // ---- plumbing -------------------------------------------------------------------------------------------

    /** Changes the person's status and reports it; a change after the end of the run does not happen. */
    private void move(Person person, Status to, double day) {
        if (day >= endDay) {
            return;
        }
        Status from = person.status();
        person.setStatus(to);
        if (to == Status.ARRIVED) {
            arrivalsByMonth[config.calendar().monthIndex(day)]++;
        }
        listener.transition(person, from, to, day);
    }

    /** Schedules the person's next action; nothing is scheduled past the end of the run. */
    private void scheduleAt(Person person, Person.Action action, double day) {
        if (!(day < endDay)) {
            cancelPending(person);
            return;
        }
        if (day < now) {
            throw new IllegalStateException("person " + person.id + " scheduled at day " + day + ", before now ("
                    + now + ")");
        }
        person.setPendingAction(action);
        queue.schedule(person, day);
    }

    private void cancelPending(Person person) {
        person.setPendingAction(Person.Action.NONE);
        queue.cancel(person);
    }

    private static double exponential(RandomGenerator random) {
        return -Math.log(1.0 - random.nextDouble());
    }
}
