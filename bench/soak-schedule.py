#!/usr/bin/env python3
"""Soak: the headless scheduler checkpoints a counting workload every second
for N minutes with retention 5, and keeps both the work and its own memory.

    bench/soak-schedule.py [--minutes 10] [--product DIR] [--dir DIR] [--sample 5]

Runs the built product's stasis-scheduler (build it first: ./test.sh or
stasis_maven verify) on a schedules file of one schedule: the workload's
pid, every 1 s, keep the last 5. The workload is a bash loop that writes an
increasing counter to a file every 0.1 s. Every --sample seconds it reads
the service's RSS and the counter. At the end it stops the service with
SIGTERM, kills the workload, restores the newest image with `stasis restore
--pid-ns` and checks that the counter goes on from where that image was.

Reports: progress kept (counter never went back, and it continues after the
restore), images kept (must be 5), runs ok/skipped/failed from the service's
journal, the service's RSS at 1 minute, last, max and its slope over the run after
the first minute (warm-up: class loading and the JIT), and how long the
service took to stop. Exits 1 when a check fails.
"""
import argparse
import glob
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PRODUCT = os.path.join(ROOT, "releng/org.stasis.product/target/products/org.stasis.product/linux/gtk/x86_64/stasis")
KEEP = 5
COUNTER = 'i=0; while :; do i=$((i+1)); echo $i > "$0"; sleep 0.1; done'
SCHEDULES = """<?xml version="1.1" encoding="UTF-8"?>
<stasis:ScheduleBook xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:stasis="urn:org.stasis.model:1">
  <schedules name="soak" targetPid="{pid}" intervalSeconds="1" folder="{folder}" keepLast="{keep}" enabled="true"/>
</stasis:ScheduleBook>
"""


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def read_counter(path):
    """The counter; bash truncates the file before it writes, so an empty read is retried."""
    for _ in range(100):
        try:
            with open(path) as f:
                text = f.read().strip()
            if text:
                return int(text)
        except (OSError, ValueError):
            pass
        time.sleep(0.005)
    return 0


def slope(points):
    """Least-squares slope of (x, y) points; 0 for fewer than two."""
    n = len(points)
    if n < 2:
        return 0.0
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    var = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / var if var else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--product", default=PRODUCT)
    ap.add_argument("--dir", default=None, help="work folder (default: a new temp folder under /var/tmp)")
    ap.add_argument("--sample", type=float, default=5, help="seconds between RSS samples")
    a = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit("soak-schedule: run as root (the engine checkpoints another process)")
    scheduler = os.path.join(a.product, "stasis-scheduler")
    engines = glob.glob(os.path.join(a.product, "plugins/org.stasis.native.linux.x86_64_*/os/linux/x86_64/stasis"))
    if not os.access(scheduler, os.X_OK) or not engines:
        sys.exit(f"soak-schedule: no built product at {a.product} (stasis-scheduler and the engine); build it first")
    engine = engines[0]
    work = a.dir or tempfile.mkdtemp(prefix="stasis-soak-", dir="/var/tmp")
    images = os.path.join(work, "images")
    os.makedirs(images, exist_ok=True)
    count = os.path.join(work, "count")
    schedules = os.path.join(work, "schedules.xmi")
    journal = os.path.join(work, "journal.log")

    workload = subprocess.Popen(["setsid", "bash", "-c", COUNTER, count], stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(schedules, "w") as f:
        f.write(SCHEDULES.format(pid=workload.pid, folder=images, keep=KEEP))
    with open(journal, "w") as log:
        service = subprocess.Popen([scheduler, "--schedules", schedules], stdin=subprocess.DEVNULL,
                                   stdout=log, stderr=subprocess.STDOUT)
    print(f"work folder {work}; workload pid {workload.pid}; service pid {service.pid}; {a.minutes:g} min")

    samples = []  # (seconds since start, RSS MiB, counter)
    went_back = 0
    start = time.monotonic()
    end = start + a.minutes * 60
    while time.monotonic() < end:
        if service.poll() is not None:
            sys.exit(f"soak-schedule: the service exited early ({service.returncode}); see {journal}")
        t = time.monotonic() - start
        c = read_counter(count)
        if samples and c < samples[-1][2]:
            went_back += 1
        samples.append((t, rss_mib(service.pid), c))
        time.sleep(min(a.sample, max(0.0, end - time.monotonic())))

    stop_started = time.monotonic()
    service.send_signal(signal.SIGTERM)
    service.wait(timeout=60)
    stop_s = time.monotonic() - stop_started
    os.killpg(workload.pid, signal.SIGKILL)
    workload.wait()
    at_kill = read_counter(count)

    with open(journal) as f:
        lines = f.read().splitlines()
    ok = sum(1 for l in lines if re.search(r"': ok ", l))
    skipped = sum(1 for l in lines if "': skipped: " in l)
    failed = sum(1 for l in lines if "': failed: " in l)
    kept = sorted(glob.glob(os.path.join(images, "soak-*.stasis")))

    # the newest image, restored in a fresh PID namespace (the killed tree's pids may not be free yet)
    restored_ok = False
    if kept:
        r = subprocess.run([engine, "restore", kept[-1], "--pid-ns"], capture_output=True, text=True)
        if r.returncode == 0:
            root = int(r.stdout.split()[-1])
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and not restored_ok:
                restored_ok = read_counter(count) > at_kill
                time.sleep(0.1)
            try:
                os.killpg(os.getpgid(root), signal.SIGKILL)  # the restored loop and its sleep
            except ProcessLookupError:
                pass
        else:
            print(f"restore failed: {r.stderr.strip()}")

    warm = [(t / 60, rss) for t, rss, _ in samples if t >= 60] or [(t / 60, rss) for t, rss, _ in samples]
    rss = [s[1] for s in samples]
    print(f"runs: {ok} ok, {skipped} skipped, {failed} failed (~{a.minutes * 60:.0f} ticks)")
    print(f"images kept: {len(kept)} (want {KEEP}): {', '.join(os.path.basename(k) for k in kept)}")
    print(f"workload: counter {samples[0][2]} -> {samples[-1][2]} during the soak, went back {went_back} times; "
          f"{at_kill} at the kill; restore of the newest image continues it: {'yes' if restored_ok else 'NO'}")
    print(f"service RSS MiB: at 1 min {warm[0][1]:.1f}, last {rss[-1]:.1f}, max {max(rss):.1f}; "
          f"slope after the first minute {slope(warm):+.2f} MiB/min over {len(warm)} samples")
    print(f"service stopped {stop_s:.1f} s after SIGTERM (exit {service.returncode}, "
          f"{'closed cleanly' if any('stopped;' in l for l in lines) else 'NO clean close in the journal'}); journal {journal}")
    # Java exits with 128 + SIGTERM after its shutdown hooks (the service's clean close) have run
    stopped_cleanly = service.returncode in (0, 128 + signal.SIGTERM) and any("stopped;" in l for l in lines)
    good = restored_ok and went_back == 0 and len(kept) == KEEP and failed == 0 and ok > 0 and stopped_cleanly
    print("PASS" if good else "FAIL")
    sys.exit(0 if good else 1)


if __name__ == "__main__":
    main()
