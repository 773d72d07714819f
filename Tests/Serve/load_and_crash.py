#!/usr/bin/env python3
"""Load and crash tests for `referral-atlas serve`, on loopback, bounded in count and time.

load:  8 clients at once send 200 drawings; every one must be answered 201 and be stored.
       Prints p50 and p99 latency (the README quotes them).
crash: 8 clients send drawings; the server is killed with SIGKILL in the middle; the
       database must pass `PRAGMA integrity_check`, and after a restart every drawing that
       was answered 201 must be there.

Usage: load_and_crash.py BINARY [load|crash|both]
"""
import json
import os
import shutil
import signal
import sqlite3
import statistics
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_support import Server, drawing, request, right_leg_band, stored_ids  # noqa: E402

CLIENTS = 8
SUBMISSIONS = 200
# The crash test kills the server once this many drawings have been answered.
KILL_AFTER = 30


def submit_many(server, count, results, stop=None):
    """Sends up to `count` drawings on one connection; appends (status, id, seconds)."""
    conn = server.connection()
    for i in range(count):
        if stop is not None and stop.is_set():
            break
        start = time.perf_counter()
        try:
            status, answer = request(conn, "POST", "/api/drawings", drawing(f"L{i}-{threading.get_ident() % 1000}"))
        except OSError as error:  # the server went away (the crash test)
            results.append((None, None, time.perf_counter() - start, repr(error)))
            break
        ident = answer.get("id") if isinstance(answer, dict) else None
        results.append((status, ident, time.perf_counter() - start, None))
    conn.close()


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def check_openapi(server):
    """The served API description is a valid OpenAPI document (when the validator is installed)."""
    try:
        import yaml
        from openapi_spec_validator import validate
    except ImportError:
        print("openapi: openapi-spec-validator or PyYAML not installed; document not validated")
        return
    conn = server.connection()
    status, text = request(conn, "GET", "/openapi.yaml")
    conn.close()
    assert status == 200
    validate(yaml.safe_load(text))
    print("openapi: /openapi.yaml is a valid OpenAPI 3 document")


def load_test(binary, root):
    server = Server(binary, os.path.join(root, "load")).start()
    try:
        check_openapi(server)
        # One drawing first, so that the chart's masks are ready: the figures are for patients.
        conn = server.connection()
        request(conn, "POST", "/api/drawings", drawing("W0-1"))
        conn.close()
        results, threads = [], []
        started = time.perf_counter()
        cpu_before = server.cpu_seconds()
        for _ in range(CLIENTS):
            t = threading.Thread(target=submit_many, args=(server, SUBMISSIONS // CLIENTS, results))
            t.start()
            threads.append(t)
        for t in threads:
            t.join(timeout=600)
        wall = time.perf_counter() - started
        cpu = server.cpu_seconds() - cpu_before
        statuses = [r[0] for r in results]
        bad = [r for r in results if r[0] != 201]
        assert len(results) == SUBMISSIONS, f"{len(results)} answers, expected {SUBMISSIONS}"
        assert not bad, f"{len(bad)} submissions not answered 201: {bad[:3]}"
        ids = {r[1] for r in results}
        assert len(ids) == SUBMISSIONS, "ids repeat"
        missing = ids - stored_ids(server)
        assert not missing, f"{len(missing)} answered 201 but not stored"
        latencies = [r[2] * 1000 for r in results]
        print(f"load: {SUBMISSIONS} drawings from {CLIENTS} clients at once, all 201 and stored, in {wall:.1f} s "
              f"({SUBMISSIONS / wall:.1f}/s); latency p50 {statistics.median(latencies):.0f} ms, "
              f"p99 {percentile(latencies, 0.99):.0f} ms, max {max(latencies):.0f} ms; server CPU {cpu:.1f} s "
              f"({cpu / SUBMISSIONS * 1000:.0f} ms a drawing; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f})")
        # Nothing personal in the log: no intake code, no drawing's id, only route patterns.
        log = server.log_text()
        assert "POST /api/drawings 201" in log, "the server logged no requests"
        leaked = [x for x in [f"L{i}-" for i in range(SUBMISSIONS // CLIENTS)] + list(ids) if x in log]
        assert not leaked, f"the log names codes or ids: {leaked[:3]}"
        assert statuses.count(201) == SUBMISSIONS
    finally:
        server.stop()


def crash_test(binary, root):
    data = os.path.join(root, "crash")
    server = Server(binary, data).start()
    results, threads = [], []
    stop = threading.Event()
    try:
        conn = server.connection()
        request(conn, "POST", "/api/drawings", drawing("W0-1"))
        conn.close()
        for _ in range(CLIENTS):
            t = threading.Thread(target=submit_many, args=(server, 40, results, stop))
            t.start()
            threads.append(t)
        # Kill once the load is well under way: some drawings answered, others in flight.
        deadline = time.monotonic() + 180
        while sum(1 for r in results if r[0] == 201) < KILL_AFTER and time.monotonic() < deadline:
            time.sleep(0.02)
        server.process.send_signal(signal.SIGKILL)
        server.process.wait(timeout=30)
        stop.set()
        for t in threads:
            t.join(timeout=120)
    finally:
        server.kill()
    acknowledged = {r[1] for r in results if r[0] == 201}
    cut = sum(1 for r in results if r[0] is None)
    assert acknowledged, "no drawing was answered before the kill"
    assert cut, "no request was in flight when the server was killed"
    database = sqlite3.connect(os.path.join(data, "intake.sqlite"))
    check = database.execute("PRAGMA integrity_check").fetchone()[0]
    mode = database.execute("PRAGMA journal_mode").fetchone()[0]
    rows = database.execute("SELECT id, strokes, comparison FROM submission").fetchall()
    database.close()
    assert check == "ok", f"integrity_check: {check}"
    assert mode == "wal", f"journal mode {mode}"
    # Nothing half-written: every stored row carries its whole drawing and comparison.
    for ident, strokes, comparison in rows:
        assert len(json.loads(strokes)) == len(right_leg_band()), f"{ident}: strokes incomplete"
        assert json.loads(comparison).get("matches"), f"{ident}: comparison incomplete"
    server = Server(binary, data).start()
    try:
        missing = acknowledged - stored_ids(server)
        assert not missing, f"{len(missing)} drawings answered 201 are missing after the crash"
    finally:
        server.stop()
    print(f"crash: SIGKILL with {CLIENTS} clients sending; {len(acknowledged)} drawings answered 201 all present after "
          f"restart, {len(rows)} rows stored and whole, {cut} requests cut off, integrity_check ok, WAL")


def main():
    binary = os.path.abspath(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "both"
    root = tempfile.mkdtemp(prefix="referral-atlas-serve-")
    try:
        if mode in ("load", "both"):
            load_test(binary, root)
        if mode in ("crash", "both"):
            crash_test(binary, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
