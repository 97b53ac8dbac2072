package escaperoutes.experiment;

/**
 * What a job does if the JVM goes down while it writes its folder (Ctrl-C, SIGTERM: the JVM ends without unwinding
 * the job's code). Every job installs its one hook through this class and removes it when it ends.
 */
final class ShutdownHook implements AutoCloseable {

    /** Work run on shutdown; a failure there is ignored, as nothing more can be done while the JVM goes down. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private final Thread thread;

    private ShutdownHook(Thread thread) {
        this.thread = thread;
    }

    static ShutdownHook install(Action action) {
        Thread thread = new Thread(() -> {
            try {
                action.run();
            } catch (Exception e) {
                // nothing more can be done while the JVM is going down
            }
        });
        Runtime.getRuntime().addShutdownHook(thread);
        return new ShutdownHook(thread);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(thread);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it has nothing left to remove
        }
    }
}
