package org.stasis.core.internal.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.stasis.core.engine.EngineException;
import org.stasis.core.engine.EngineMessage;
import org.stasis.core.engine.EngineMonitor;
import org.stasis.core.engine.EngineProgress;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Runs one engine command in a helper process (never in the caller's process: a checkpoint
 * stops and reads other processes with ptrace) and turns its JSON lines into monitor calls and
 * one result object.
 */
@SuppressWarnings("nls")
public final class EngineRun {

    /** How often a watcher asks the monitor whether to cancel. */
    private static final long CANCEL_POLL_MILLIS = 50;
    /** The end of stderr kept for error reports; the engine writes little there. */
    private static final int STDERR_KEEP = 16 * 1024;

    /**
     * A command that exited 0 with an ok result event.
     *
     * @param result the last result event, or the whole output for commands that print one object
     * @param messages every message event, in order
     */
    public record Outcome(JsonObject result, List<EngineMessage> messages) {
    }

    private final Path helper;
    private final List<String> command;
    private final EngineMonitor monitor;
    private final List<EngineMessage> messages = new ArrayList<>();
    private final StringBuilder strayOutput = new StringBuilder();
    private final AtomicBoolean canceled = new AtomicBoolean();
    private JsonObject result;

    public EngineRun(Path helper, List<String> arguments, EngineMonitor monitor) {
        this.helper = helper;
        this.command = new ArrayList<>(List.of(helper.toString()));
        this.command.addAll(arguments);
        this.monitor = monitor;
    }

    /** Runs a command that prints JSON event lines and ends with a result event. */
    public Outcome runEvents() throws EngineException {
        int exit = execute(this::readEvents);
        if (exit == 0 && result != null && bool(result, "ok")) {
            return new Outcome(result, messages);
        }
        throw failure(exit);
    }

    /** Runs a command that prints a single JSON object (stasis check --json); any exit code is fine. */
    public JsonObject runObject() throws EngineException {
        int exit = execute(this::readObject);
        if (result == null) {
            throw failure(exit);
        }
        return result;
    }

    private interface OutputReader {
        void read(BufferedReader out) throws IOException;
    }

    private int execute(OutputReader reader) throws EngineException {
        if (!Files.isRegularFile(helper) || !Files.isExecutable(helper)) {
            throw new EngineException("The stasis helper " + helper
                    + " is missing or not executable: set its path in the preferences, or reinstall Stasis", -1,
                    false, List.of());
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(Redirect.from(Path.of("/dev/null").toFile())).start();
        } catch (IOException e) {
            throw new EngineException("Cannot start " + helper + ": " + e.getMessage(), e);
        }
        StringBuilder stderr = new StringBuilder();
        Thread drain = Thread.ofVirtual().name("stasis-stderr").start(() -> keepTail(process.getErrorStream(), stderr));
        Thread watcher = Thread.ofVirtual().name("stasis-cancel").start(() -> watchCancel(process));
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            reader.read(out);
            int exit = process.waitFor();
            drain.join();
            strayOutput.append(stderr);
            return exit;
        } catch (IOException e) {
            process.destroy();
            throw new EngineException("Lost the output of " + helper.getFileName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            // The caller's thread was interrupted: the same clean cancel as the monitor's.
            canceled.set(true);
            process.toHandle().destroy();
            Thread.currentThread().interrupt();
            throw new EngineException(cancelText(), -1, true, messages);
        } finally {
            watcher.interrupt();
        }
    }

    private void readEvents(BufferedReader out) throws IOException {
        for (String line; (line = out.readLine()) != null;) {
            Optional<JsonObject> event = parse(line);
            if (event.isEmpty()) {
                strayOutput.append(line).append('\n');
                continue;
            }
            JsonObject e = event.get();
            switch (string(e, "event")) {
            case "progress" -> monitor.progress(new EngineProgress(string(e, "phase"), number(e, "done"),
                    Math.max(1, number(e, "total"))));
            case "message" -> {
                EngineMessage m = new EngineMessage(string(e, "level"), string(e, "text"));
                messages.add(m);
                monitor.message(m);
            }
            case "result" -> result = e;
            default -> strayOutput.append(line).append('\n');
            }
        }
    }

    private void readObject(BufferedReader out) throws IOException {
        String text = out.lines().collect(Collectors.joining("\n"));
        result = parse(text).orElse(null);
        if (result == null) {
            strayOutput.append(text);
        }
    }

    private void watchCancel(Process process) {
        try {
            while (process.isAlive()) {
                if (monitor.isCanceled() && canceled.compareAndSet(false, true)) {
                    // SIGTERM, which the engine treats as a clean cancel; through the handle,
                    // because Process.destroy() also closes the pipes still being read.
                    process.toHandle().destroy();
                }
                Thread.sleep(CANCEL_POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            // the command ended
        }
    }

    private EngineException failure(int exit) {
        if (canceled.get()) {
            return new EngineException(cancelText(), exit, true, messages);
        }
        String errors = messages.stream().filter(EngineMessage::isError).map(EngineMessage::text)
                .collect(Collectors.joining("\n"));
        if (errors.isEmpty()) {
            errors = describeExit(exit);
        }
        return new EngineException(errors, exit, false, messages);
    }

    private String describeExit(int exit) {
        String what = helper.getFileName() + " " + command.get(1);
        String stray = strayOutput.toString().strip();
        String ending = exit > 128 ? what + " was killed by signal " + (exit - 128)
                : exit == 2 ? what + " rejected its arguments (usage error)" : what + " failed with exit code " + exit;
        return stray.isEmpty() ? ending + " and printed no message" : ending + ": " + stray;
    }

    private String cancelText() {
        return "Cancelled: stasis " + command.get(1) + " was stopped before it finished";
    }

    private static void keepTail(InputStream in, StringBuilder into) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                synchronized (into) {
                    into.append(line).append('\n');
                    if (into.length() > STDERR_KEEP) {
                        into.delete(0, into.length() - STDERR_KEEP);
                    }
                }
            }
        } catch (IOException e) {
            // the helper closed stderr: what we have is all there is
        }
    }

    private static Optional<JsonObject> parse(String text) {
        try {
            JsonElement e = JsonParser.parseString(text);
            return e.isJsonObject() ? Optional.of(e.getAsJsonObject()) : Optional.empty();
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    public static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
    }

    public static long number(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsLong() : 0;
    }

    public static double decimal(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsDouble() : 0;
    }

    public static boolean bool(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && e.getAsBoolean();
    }
}
