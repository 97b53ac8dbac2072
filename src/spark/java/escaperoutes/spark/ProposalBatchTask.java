package escaperoutes.spark;

import escaperoutes.calibration.InvalidCalibrationSpecException;
import escaperoutes.experiment.CalibrationTexts;
import escaperoutes.experiment.PosteriorWorker;
import escaperoutes.posterior.AbcSmc;
import java.io.IOException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

/**
 * One Spark task of a posterior: simulates some proposals of one round, given by their numbers, and returns their
 * distances. Shipped with Java serialization: the calibration's texts (rebuilt once per worker JVM, by checksum) and
 * the round — the previous generation's particles and the tolerance, from which the worker builds the same kernel as
 * the driver and so draws the same point and seed for each number.
 */
final class ProposalBatchTask implements Function<long[], double[]> {
    private static final long serialVersionUID = 1L;

    private final CalibrationTexts calibration;
    private final String sha256;
    private final AbcSmc.Round round;

    ProposalBatchTask(CalibrationTexts calibration, String sha256, AbcSmc.Round round) {
        this.calibration = calibration;
        this.sha256 = sha256;
        this.round = round;
    }

    @Override
    public double[] call(long[] numbers) throws IOException, InvalidCalibrationSpecException, InterruptedException {
        TaskContext context = TaskContext.get();
        // A cancelled job (the driver stopping) ends its tasks between simulations.
        Runnable checkCancelled = () -> {
            if (context != null) {
                context.killTaskIfInterrupted();
            }
        };
        return PosteriorWorker.of(calibration, sha256).distances(round, numbers, checkCancelled);
    }
}
