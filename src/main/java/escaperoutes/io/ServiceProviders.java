package escaperoutes.io;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** The providers of a service that the class path's {@code META-INF/services} files name. */
public final class ServiceProviders {
    private ServiceProviders() {
    }

    /**
     * Every provider of {@code service} this build has. A provider a services file names but whose class is missing —
     * a file left in target/classes by a {@code -Pspark} build before a default one — is skipped.
     */
    public static <T> List<T> available(Class<T> service) {
        List<T> found = new ArrayList<>();
        Iterator<T> providers = ServiceLoader.load(service).iterator();
        while (true) {
            try {
                if (!providers.hasNext()) {
                    return found;
                }
                found.add(providers.next());
            } catch (ServiceConfigurationError missing) {
                // The iterator goes on to the next provider after an error.
            }
        }
    }
}
