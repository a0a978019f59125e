#!/usr/bin/env python3
"""How fast Ctrl+C ends `weft-cli repair` (docs/BENCHMARKS.md, "Quit and Ctrl+C during
a repair or an index rebuild").

    scripts/stop-latency.py WEFT_CLI LIBRARY T [T ...]

For each T (seconds): copies LIBRARY to a scratch folder, starts
`WEFT_CLI repair --library COPY --json`, sends SIGINT after T seconds and prints the
exit status and the time from the signal to the exit. A Python driver, not a shell
one: a shell starts background jobs with SIGINT ignored.
"""
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    binary, library = sys.argv[1], sys.argv[2]
    for after in (float(t) for t in sys.argv[3:]):
        with tempfile.TemporaryDirectory() as scratch:
            copy = f"{scratch}/library"
            shutil.copytree(library, copy)
            process = subprocess.Popen([binary, "repair", "--library", copy, "--json"],
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            time.sleep(after)
            sent = time.monotonic()
            process.send_signal(signal.SIGINT)
            process.communicate()
            print(f"Ctrl+C at {after:4.1f} s: exit {process.returncode}, "
                  f"{time.monotonic() - sent:.2f} s after the signal", flush=True)


if __name__ == "__main__":
    main()
