package org.stasis.core.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.stasis.core.internal.engine.EngineRun;
import org.stasis.core.internal.engine.EngineRun.Outcome;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The `stasis` engine, driven as a helper process with --json. The workbench and the scheduler
 * share this one client; they differ only in how they show its progress.
 */
@SuppressWarnings("nls") // command-line words and JSON keys
public final class StasisEngine {

    private final Path helper;

    /** @param helper the `stasis` executable (the bundled one, or one set in the preferences) */
    public StasisEngine(Path helper) {
        this.helper = Objects.requireNonNull(helper, "helper");
    }

    public Path helper() {
        return helper;
    }

    /**
     * Checkpoints a tree. Blocks until done; cancel through the monitor, which leaves the tree
     * running untouched and no image (an existing file of that name is kept).
     */
    public DumpResult dump(DumpRequest request, EngineMonitor monitor) throws EngineException {
        List<String> args = new ArrayList<>(List.of("dump", Integer.toString(request.pid()), "-o",
                request.image().toString(), "--json"));
        if (request.kill()) {
            args.add("--kill");
        }
        Outcome o = new EngineRun(helper, args, monitor).runEvents();
        JsonObject r = o.result();
        return new DumpResult((int) EngineRun.number(r, "pid"), Path.of(EngineRun.string(r, "image")),
                EngineRun.bool(r, "killed"), (int) EngineRun.number(r, "processes"),
                EngineRun.number(r, "pages_bytes"), EngineRun.decimal(r, "frozen_ms"),
                EngineRun.decimal(r, "total_ms"), o.messages());
    }

    /** Restores a tree, detached. Cancel through the monitor kills what was created so far. */
    public RestoreResult restore(RestoreRequest request, EngineMonitor monitor) throws EngineException {
        List<String> args = new ArrayList<>(List.of("restore", request.image().toString(), "--json"));
        if (request.pidNamespace()) {
            args.add("--pid-ns");
        }
        Outcome o = new EngineRun(helper, args, monitor).runEvents();
        JsonObject r = o.result();
        return new RestoreResult((int) EngineRun.number(r, "root_pid"),
                (int) EngineRun.number(r, "root_pid_in_namespace"), EngineRun.bool(r, "pid_namespace"),
                o.messages());
    }

    /** What this kernel and these privileges allow (`stasis check --json`). */
    public CheckReport check() throws EngineException {
        JsonObject r = new EngineRun(helper, List.of("check", "--json"), EngineMonitor.NONE).runObject();
        List<CheckReport.Probe> probes = new ArrayList<>();
        JsonElement list = r.get("probes");
        if (list != null && list.isJsonArray()) {
            for (JsonElement e : list.getAsJsonArray()) {
                if (e.isJsonObject()) {
                    JsonObject p = e.getAsJsonObject();
                    probes.add(new CheckReport.Probe(EngineRun.string(p, "name"), EngineRun.string(p, "status"),
                            EngineRun.bool(p, "required"), EngineRun.string(p, "detail")));
                }
            }
        }
        return new CheckReport(EngineRun.bool(r, "ok"), probes);
    }
}
