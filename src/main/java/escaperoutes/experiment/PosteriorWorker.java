package escaperoutes.experiment;

import escaperoutes.calibration.CalibrationSpecReader;
import escaperoutes.calibration.InvalidCalibrationSpecException;
import escaperoutes.posterior.AbcSmc;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cluster worker's side of a posterior: the sampler and the distance rebuilt from the calibration's texts, once
 * per worker JVM and calibration, and the round's kernel built once per generation, so that a task only simulates.
 */
public final class PosteriorWorker {
    /** Workers built in this JVM, by the calibration's checksum. */
    private static final Map<String, PosteriorWorker> WORKERS = new ConcurrentHashMap<>();

    private final AbcSmc sampler;
    private final AbcSmc.Simulator simulator;
    /** The kernel of the generation last asked for (tasks of one generation share it). */
    private AbcSmc.PreparedRound prepared;

    private PosteriorWorker(CalibrationSpecReader.ResolvedCalibration resolved) {
        this.sampler = PosteriorJob.sampler(resolved);
        this.simulator = PosteriorJob.simulator(resolved);
    }

    /** The worker of a calibration, rebuilt from its texts the first time this JVM meets it. */
    public static PosteriorWorker of(CalibrationTexts texts, String sha256)
            throws IOException, InvalidCalibrationSpecException {
        PosteriorWorker worker = WORKERS.get(sha256);
        if (worker != null) {
            return worker;
        }
        synchronized (WORKERS) {
            worker = WORKERS.get(sha256);
            if (worker == null) {
                worker = new PosteriorWorker(texts.resolve());
                WORKERS.put(sha256, worker);
            }
            return worker;
        }
    }

    /**
     * The distances of the round's proposals {@code numbers}, simulated one after another; {@code beforeEach} runs
     * before each simulation (a cancelled task stops there).
     */
    public double[] distances(AbcSmc.Round round, long[] numbers, Runnable beforeEach) throws InterruptedException {
        AbcSmc.PreparedRound ready = preparedFor(round);
        return sampler.distances(ready, numbers, (unit, seed) -> {
            beforeEach.run();
            return simulator.distance(unit, seed);
        });
    }

    private synchronized AbcSmc.PreparedRound preparedFor(AbcSmc.Round round) {
        // Within one calibration a round is known by its generation, seed, kernel and tolerance (its previous
        // generation follows from them); a record's equals would compare the particles' arrays by reference.
        AbcSmc.Round last = prepared == null ? null : prepared.round();
        if (last == null || last.generation() != round.generation() || last.seed() != round.seed()
                || last.kernel() != round.kernel() || Double.compare(last.tolerance(), round.tolerance()) != 0) {
            prepared = sampler.prepare(round);
        }
        return prepared;
    }
}
