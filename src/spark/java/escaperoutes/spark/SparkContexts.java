package escaperoutes.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** What the sweep's and the posterior's Spark executors set up and ask of a Spark context alike. */
final class SparkContexts {
    private SparkContexts() {
    }

    /**
     * A configuration for {@code appName}: the master given, else the submitting tool's ({@code spark-submit
     * --master}), else {@code local[localThreads]}; no console progress bar (ours replaces it), and no web UI on a
     * local master (the UI is for clusters).
     */
    static SparkConf conf(String appName, String master, int localThreads) {
        SparkConf conf = new SparkConf().setAppName(appName);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[" + localThreads + "]");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        return conf;
    }

    /**
     * Whether the context is being stopped (a failed job then means the JVM is ending: Ctrl-C, SIGTERM). Spark's
     * shutdown hook cancels the running job before it marks the context stopped, so the mark is awaited a little.
     */
    static boolean isStopping(JavaSparkContext spark) throws InterruptedException {
        for (int i = 0; i < 40 && !spark.sc().isStopped(); i++) {
            Thread.sleep(50);
        }
        return spark.sc().isStopped();
    }
}
