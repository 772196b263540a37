package org.stasis.core.internal.processes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * uid to user name through a passwd file, cached.
 * <p>
 * The file is read once and read again only when a uid is not found and the file changed since,
 * so a refresh every 2 s costs one stat at most, while users added later still get their name.
 * Directory services (LDAP, sssd) are not consulted: /proc has only the uid, and Stasis falls back to
 * printing it, as ps does for unknown uids.
 */
public final class UserNames {

    private final Path passwd;
    private final Map<Integer, String> names = new HashMap<>();
    private Optional<FileTime> loadedVersion = Optional.empty();

    public UserNames(Path passwd) {
        this.passwd = Objects.requireNonNull(passwd, "passwd"); //$NON-NLS-1$
    }

    /** @return the user name of uid, or the uid in decimal when unknown */
    public synchronized String name(int uid) {
        String name = names.get(uid);
        if (name == null && reloadIfChanged()) {
            name = names.get(uid);
        }
        return name != null ? name : Integer.toString(uid);
    }

    private boolean reloadIfChanged() {
        try {
            FileTime version = Files.getLastModifiedTime(passwd);
            if (loadedVersion.filter(version::equals).isPresent()) {
                return false;
            }
            names.clear();
            for (String line : Files.readAllLines(passwd, StandardCharsets.UTF_8)) {
                String[] f = line.split(":", -1); //$NON-NLS-1$
                if (f.length >= 3 && !f[0].isEmpty()) {
                    try {
                        names.putIfAbsent(Integer.valueOf(f[2]), f[0]);
                    } catch (NumberFormatException e) {
                        // a malformed entry (or a NIS "+" line): skip it like getpwuid does
                    }
                }
            }
            loadedVersion = Optional.of(version);
            return true;
        } catch (IOException e) {
            // no readable passwd (minimal containers): numeric uids are still correct
            return false;
        }
    }
}
