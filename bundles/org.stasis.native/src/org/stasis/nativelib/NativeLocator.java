package org.stasis.nativelib;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Finds the native engine: the {@code stasis} helper binary and {@code libstasis.so}.
 * <p>
 * They ship in a platform fragment of this bundle ({@code org.stasis.native.linux.x86_64}) under
 * {@code os/<os>/<arch>/}. The fragment is unpacked ({@code Eclipse-BundleShape: dir}) because a binary
 * cannot be executed from inside a jar. A developer can point at another helper with the system
 * property {@value #HELPER_PROPERTY} or the environment variable {@value #HELPER_ENV}; the library is
 * then looked up next to it.
 */
public final class NativeLocator {

    public static final String HELPER_PROPERTY = "stasis.helper"; //$NON-NLS-1$
    public static final String HELPER_ENV = "STASIS_HELPER"; //$NON-NLS-1$
    public static final String HELPER_NAME = "stasis"; //$NON-NLS-1$
    public static final String LIBRARY_NAME = "libstasis.so"; //$NON-NLS-1$

    private final Function<String, Optional<String>> properties;
    private final Function<String, Optional<String>> environment;
    private final Function<String, Optional<Path>> bundleFiles;

    /** The locator of the running workbench: JVM properties, process environment, our fragment. */
    public static NativeLocator fromRuntime() {
        return new NativeLocator(key -> Optional.ofNullable(System.getProperty(key)),
                key -> Optional.ofNullable(System.getenv(key)), NativeLocator::findShipped);
    }

    /**
     * @param properties  system properties lookup
     * @param environment environment lookup
     * @param bundleFiles resolves a path relative to the bundle (and its fragments) to a file
     */
    public NativeLocator(Function<String, Optional<String>> properties,
            Function<String, Optional<String>> environment, Function<String, Optional<Path>> bundleFiles) {
        this.properties = Objects.requireNonNull(properties, "properties"); //$NON-NLS-1$
        this.environment = Objects.requireNonNull(environment, "environment"); //$NON-NLS-1$
        this.bundleFiles = Objects.requireNonNull(bundleFiles, "bundleFiles"); //$NON-NLS-1$
    }

    /** @return the directory inside the fragment for this JVM's platform, e.g. {@code os/linux/x86_64} */
    public static String platformDirectory() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT); //$NON-NLS-1$ //$NON-NLS-2$
        // the JVM says amd64/aarch64, OSGi and our fragments say x86_64/aarch64
        String osgiArch = "amd64".equals(arch) ? "x86_64" : arch; //$NON-NLS-1$ //$NON-NLS-2$
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT); //$NON-NLS-1$ //$NON-NLS-2$
        return "os/" + os + '/' + osgiArch; //$NON-NLS-1$
    }

    /**
     * @return the helper binary, executable
     * @throws IOException if no helper is configured or shipped, or it cannot be made executable
     */
    public Path helper() throws IOException {
        Optional<Path> configured = configuredHelper();
        if (configured.isPresent()) {
            Path helper = configured.get();
            if (!Files.isRegularFile(helper)) {
                throw new IOException("the stasis helper set by -D" + HELPER_PROPERTY + " or " + HELPER_ENV //$NON-NLS-1$ //$NON-NLS-2$
                        + " does not exist: " + helper); //$NON-NLS-1$
            }
            return ensureExecutable(helper);
        }
        return ensureExecutable(shipped(HELPER_NAME));
    }

    /** @return libstasis.so: next to an overridden helper, else from the fragment */
    public Path library() throws IOException {
        Optional<Path> beside = configuredHelper().map(h -> h.toAbsolutePath().resolveSibling(LIBRARY_NAME))
                .filter(Files::isRegularFile);
        return beside.isPresent() ? beside.get() : shipped(LIBRARY_NAME);
    }

    /** The system property wins over the environment, as a command-line flag would. */
    private Optional<Path> configuredHelper() {
        return properties.apply(HELPER_PROPERTY).or(() -> environment.apply(HELPER_ENV)).filter(s -> !s.isBlank())
                .map(Path::of);
    }

    private Path shipped(String name) throws IOException {
        String relative = platformDirectory() + '/' + name;
        return bundleFiles.apply(relative).filter(Files::isRegularFile)
                .orElseThrow(() -> new IOException("no " + relative + " in org.stasis.native or its fragments;" //$NON-NLS-1$ //$NON-NLS-2$
                        + " is the platform fragment installed? (or set -D" + HELPER_PROPERTY + ')')); //$NON-NLS-1$
    }

    /**
     * p2 sets the mode of the unpacked binary from the fragment's p2.inf, but bundles copied by other
     * means (a test runtime, a zip) lose it: restore the exec bits we need.
     */
    static Path ensureExecutable(Path file) throws IOException {
        if (!Files.isExecutable(file)) {
            Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            perms.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(file, perms);
        }
        return file;
    }

    /**
     * Looks a file up in this bundle and its fragments, ignoring any override.
     *
     * @param relative path inside the bundle, e.g. {@code os/linux/x86_64/stasis}
     * @return the file on disk (extracted first if the bundle is a jar)
     */
    public static Optional<Path> findShipped(String relative) {
        Bundle bundle = FrameworkUtil.getBundle(NativeLocator.class);
        if (bundle == null) {
            return Optional.empty(); // not running in OSGi (plain unit test): nothing shipped to find
        }
        // FileLocator.find also looks into fragments; toFileURL returns the file itself for unpacked bundles
        URL entry = FileLocator.find(bundle, new org.eclipse.core.runtime.Path(relative), null);
        if (entry == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(FileLocator.toFileURL(entry).getPath()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
