#!/usr/bin/env python3
"""A real program: python3 holding 1 GiB of live data.

Same protocol as the C programs (testlib.h): bigmem.py STATEDIR [MiB].
Fills a bytearray from a seeded PRNG, prints its sha256 and puts it in the
ready file; after go it hashes the data again and compares.
"""
import hashlib
import os
import random
import sys
import time


def write_atomic(path, text):
    tmp = f"{path}.tmp.{os.getpid()}"
    with open(tmp, "w") as f:
        f.write(text)
    os.rename(tmp, path)


def main():
    statedir = sys.argv[1]
    mib = int(sys.argv[2]) if len(sys.argv) > 2 else 1024
    rng = random.Random(20240611)
    data = bytearray(mib << 20)
    chunk = 64 << 20  # randbytes cannot make 1 GiB at once
    for off in range(0, len(data), chunk):
        data[off:off + chunk] = rng.randbytes(min(chunk, len(data) - off))
    digest = hashlib.sha256(data).hexdigest()
    print("sha256", digest, flush=True)
    write_atomic(os.path.join(statedir, "ready"), f"pid={os.getpid()}\nsha256={digest}\n")
    go = os.path.join(statedir, "go")
    while not os.path.exists(go):
        time.sleep(0.005)
    now = hashlib.sha256(data).hexdigest()
    verdict = "PASS" if now == digest else f"FAIL: sha256 expected {digest} got {now}"
    write_atomic(os.path.join(statedir, "result"), verdict + "\n")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
