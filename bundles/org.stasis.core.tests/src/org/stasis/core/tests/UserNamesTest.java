package org.stasis.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.core.internal.processes.UserNames;

class UserNamesTest {

    @Test
    void cachesAndPicksUpUsersAddedLater(@TempDir Path tmp) throws IOException {
        Path passwd = tmp.resolve("passwd");
        Files.writeString(passwd, "root:x:0:0::/root:/bin/sh\n+nis::::::\nbad:x:notanumber:0::/:/bin/sh\n");
        Files.setLastModifiedTime(passwd, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        UserNames names = new UserNames(passwd);
        assertEquals("root", names.name(0));
        assertEquals("1234", names.name(1234));

        Files.writeString(passwd, "bob:x:1234:1234::/home/bob:/bin/sh\n", StandardOpenOption.APPEND);
        Files.setLastModifiedTime(passwd, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
        assertEquals("bob", names.name(1234));
        assertEquals("root", names.name(0));
    }

    @Test
    void missingPasswdGivesNumbers(@TempDir Path tmp) {
        assertEquals("0", new UserNames(tmp.resolve("absent")).name(0));
    }
}
