#!/usr/bin/env python3
"""Benchmark: dump and restore of a process with 1 GiB of touched memory,
against dd into the page cache and with fsync, measured in the same run.

    bench/dump-restore.py [--reps 3] [--mib 1024] [--dir DIR] [--build native/build]

Per repetition: dd 1 GiB to the page cache and with conv=fsync; start
memhog (1 GiB touched, checksummed); `stasis dump` leaving it running, then
`stasis dump --kill`; `stasis restore` of the second image, timed until the
command returns and until the restored process answers (it recomputes its
checksum: that time is in "answer", see memhog's own sum_s). Nothing is
dropped from the caches: images and dd files are written to and read from
the page cache, as a user running dump then restore would see. Prints each
repetition and the median; see README.md for the targets.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "native", "tests"))
from harness import procs  # noqa: E402  (subreaper, spawn, reaping)


def timed(argv, dirpath, name):
    """Run argv under /usr/bin/time: (exit code, wall s, peak RSS KiB)."""
    stats = os.path.join(dirpath, name + ".time")
    out = os.path.join(dirpath, name + ".out")
    with open(out, "w") as f:
        rc = subprocess.call(["/usr/bin/time", "-f", "%e %M", "-o", stats] + argv,
                             stdout=f, stderr=subprocess.STDOUT)
    procs.reap()
    with open(stats) as f:
        wall, rss = f.read().split()[-2:]
    if rc != 0:
        with open(out) as f:
            sys.exit(f"{' '.join(argv)} failed ({rc}):\n{f.read()}")
    return float(wall), int(rss)


def result_event(dirpath, name):
    """The last JSON line of a --json run's output: its result event."""
    with open(os.path.join(dirpath, name + ".out")) as f:
        lines = [l for l in f if l.startswith("{")]
    return json.loads(lines[-1])


def wait_file(path, timeout=120):
    end = time.monotonic() + timeout
    while not os.path.exists(path):
        if time.monotonic() > end:
            sys.exit(f"timed out waiting for {path}")
        procs.sleep_reaping(0.001)


def dd(dirpath, mib, fsync):
    path = os.path.join(dirpath, "dd.out")
    argv = ["dd", "if=/dev/zero", f"of={path}", "bs=1M", f"count={mib}"] + ["conv=fsync"] * fsync
    secs, _ = timed(argv, dirpath, "dd")
    os.unlink(path)
    return secs


def one_rep(args, stasis, memhog, dirpath):
    r = {"dd_cache": dd(dirpath, args.mib, False), "dd_fsync": dd(dirpath, args.mib, True)}
    state = tempfile.mkdtemp(dir=dirpath)
    procs.spawn([memhog, state, str(args.mib)], state, os.devnull, os.devnull, setsid=True)
    wait_file(os.path.join(state, "ready"))
    info = dict(l.split("=") for l in open(os.path.join(state, "ready")).read().split())
    pid = int(info["pid"])
    live, kill = os.path.join(dirpath, "live.stasis"), os.path.join(dirpath, "kill.stasis")
    r["dump"], r["dump_rss"] = timed([stasis, "dump", str(pid), "-o", live, "--json"], dirpath, "dump")
    ev = result_event(dirpath, "dump")
    # Into the page cache: until the image is complete (sealed); the tree
    # runs again from then on while the image is fsynced and renamed.
    r["sealed"], r["frozen"] = ev["sealed_ms"] / 1e3, ev["frozen_ms"] / 1e3
    os.unlink(live)
    r["dump_kill"], _ = timed([stasis, "dump", str(pid), "-o", kill, "--kill"], dirpath, "dumpk")
    r["image"] = os.path.getsize(kill)
    while procs.exists(pid):  # restore wants the original pid back
        procs.sleep_reaping(0.001)
    open(os.path.join(state, "go"), "w").close()  # answer as soon as restored
    start = time.monotonic()
    r["restore"], r["restore_rss"] = timed([stasis, "restore", kill], dirpath, "restore")
    wait_file(os.path.join(state, "answer"))
    r["answer"] = time.monotonic() - start
    r["sum_s"] = float(info["sum_s"])
    with open(os.path.join(state, "answer")) as f:
        if f.read().strip() != "ok":
            sys.exit("the restored process found its memory changed")
    procs.kill(procs.descendants())
    os.unlink(kill)
    return r


def report(reps, mib):
    gb = mib * 2**20 / 1e9
    med = {k: statistics.median(r[k] for r in reps) for k in reps[0]}
    rate = lambda s: gb / s if s else float("inf")
    print(f"\n{'rep':>6} {'dump s':>8} {'dump--kill':>10} {'restore s':>9} {'answer s':>8} "
          f"{'dd cache':>8} {'dd fsync':>8}")
    for i, r in enumerate(reps + [med]):
        label = "median" if i == len(reps) else str(i + 1)
        print(f"{label:>6} {r['dump']:8.3f} {r['dump_kill']:10.3f} {r['restore']:9.3f} "
              f"{r['answer']:8.3f} {r['dd_cache']:8.3f} {r['dd_fsync']:8.3f}")
    print(f"\nmedian of {len(reps)}, {mib} MiB of touched memory ({gb:.3f} GB):")
    rows = [("dump (running)", rate(med["dump"])), ("dump --kill", rate(med["dump_kill"])),
            ("dump into page cache", rate(med["sealed"])),
            ("restore", rate(med["restore"])), ("dd page cache", rate(med["dd_cache"])),
            ("dd conv=fsync", rate(med["dd_fsync"]))]
    for name, v in rows:
        print(f"  {name:<24} {v:6.2f} GB/s")
    print(f"  {'dump / dd conv=fsync':<24} {rate(med['dump']) / rate(med['dd_fsync']):6.2f}   (both end durable on disk)")
    print(f"  {'dump into page cache / dd page cache':<24} {rate(med['sealed']) / rate(med['dd_cache']):6.2f}")
    print(f"  {'tree frozen (running dump)':<24} {med['frozen']:6.3f} s")
    print(f"  {'restore / dd page cache':<24} {rate(med['restore']) / rate(med['dd_cache']):6.2f}")
    print(f"  {'image size':<24} {med['image'] / 2**20:8.1f} MiB")
    print(f"  {'stasis peak RSS':<24} dump {med['dump_rss'] / 1024:.1f} MiB, restore {med['restore_rss'] / 1024:.1f} MiB")
    print(f"  restored process answered after {med['answer']:.3f} s "
          f"(of which ~{med['sum_s']:.3f} s is its own checksum pass)")
    print("  caches: nothing dropped (images and dd output live in the page cache)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--mib", type=int, default=1024)
    ap.add_argument("--dir", default=None, help="where images and dd files go (default: a temp dir)")
    ap.add_argument("--build", default=os.path.join(ROOT, "native", "build"))
    args = ap.parse_args()
    subprocess.check_call(["make", "-s", "-C", os.path.join(ROOT, "native")], stdout=subprocess.DEVNULL)
    procs.become_subreaper()  # restored processes come back to us and are reaped
    procs.keep_fds_private()
    dirpath = tempfile.mkdtemp(prefix="stasis-bench-", dir=args.dir)
    memhog = os.path.join(dirpath, "memhog")
    subprocess.check_call(["gcc", "-O2", "-Wall", "-Wextra", "-Werror", "-o", memhog,
                           os.path.join(ROOT, "bench", "memhog.c")])
    reps = []
    try:
        for i in range(args.reps):
            reps.append(one_rep(args, os.path.join(args.build, "stasis"), memhog, dirpath))
            print(f"repetition {i + 1}: dump {reps[-1]['dump']:.3f} s, restore {reps[-1]['restore']:.3f} s",
                  flush=True)
    finally:
        procs.kill(procs.descendants())
        procs.sleep_reaping(0.2)
        subprocess.call(["rm", "-rf", dirpath])
    report(reps, args.mib)


if __name__ == "__main__":
    main()
