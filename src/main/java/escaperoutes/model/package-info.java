/**
 * The MASON model: people (one agent per person) escaping from North Korean provinces through China to South Korea.
 *
 * <p>Time is in days since the scenario's start date. Agents are event-driven: each person schedules its own next
 * transition (a sampled waiting time) in the model's calendar queue ({@code EventQueue}), which MASON's schedule
 * drains a stretch of days per step, between the one-off enforcement events it also schedules; the legs of a
 * journey that nothing outside can interrupt are walked in one event. Enforcement is a known timeline of regimes,
 * so every hazard and rate is a piecewise-constant function of time; waiting times are drawn by inverting its
 * cumulative intensity. People interact in two ways only: the one-off events (a mass repatriation takes some of
 * those held), and chain defection ({@link escaperoutes.model.ChainDefection}), whose rate follows the arrivals of
 * earlier months. Every person draws from random numbers of their own, keyed by where and in what order the
 * person was created ({@link escaperoutes.model.Person#nextLong}), and every other random process from its own named
 * stream ({@link escaperoutes.model.RandomStreams}). The model reports what happens through
 * {@link escaperoutes.model.ModelListener}, and how far a run has got through a
 * {@link escaperoutes.model.ProgressListener}; it never does I/O. Imports: MASON, the JDK and Commons Math's special
 * functions ({@code org.apache.commons.math3.special}).
 */
package escaperoutes.model;
