package escaperoutes.spark;

import escaperoutes.calibration.InvalidCalibrationSpecException;
import escaperoutes.experiment.CalibrationTexts;
import escaperoutes.experiment.PosteriorWorker;
import escaperoutes.posterior.AbcSmc;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

/**
 * One Spark task of a posterior: simulates a range of consecutive proposals of one round and returns them. Shipped
 * with Java serialization: the calibration's texts (rebuilt once per worker JVM, by checksum) and the round — the
 * previous generation's particles and the tolerance, from which the worker builds the same kernel as the driver.
 */
final class ProposalBatchTask implements Function<ProposalBatchTask.Range, List<AbcSmc.Proposal>> {
    private static final long serialVersionUID = 1L;

    /** Proposals {@code first … first + count − 1}. */
    record Range(long first, int count) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final CalibrationTexts calibration;
    private final String sha256;
    private final AbcSmc.Round round;

    ProposalBatchTask(CalibrationTexts calibration, String sha256, AbcSmc.Round round) {
        this.calibration = calibration;
        this.sha256 = sha256;
        this.round = round;
    }

    @Override
    public List<AbcSmc.Proposal> call(Range range)
            throws IOException, InvalidCalibrationSpecException, InterruptedException {
        TaskContext context = TaskContext.get();
        // A cancelled job (the driver stopping) ends its tasks between simulations.
        Runnable checkCancelled = () -> {
            if (context != null) {
                context.killTaskIfInterrupted();
            }
        };
        return PosteriorWorker.of(calibration, sha256).evaluate(round, range.first(), range.count(), checkCancelled);
    }
}
