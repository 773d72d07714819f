"""Starting and talking to `referral-atlas serve` from the serve tests: loopback only, every
wait bounded."""
import http.client
import json
import os
import queue
import re
import signal
import subprocess
import threading
import time

TOKEN = "serve-test-token-0123456789abcdef"

# A band from the right buttock down the back of the thigh and calf to the heel (the usual
# picture of S1 pain), in the posterior view's atlas millimetres (the patient's right is the
# viewer's right on the back view): three pen passes side by side, about 4 cm wide in all.
def right_leg_band():
    strokes = []
    for offset in (-12.0, 0.0, 12.0):
        points = [[92.0 + offset - (y - 820) * 12 / 915, float(y)] for y in range(820, 1736, 8)]
        strokes.append({"view": "posterior", "symptom": "pain", "width": 20, "points": points})
    return strokes


def drawing(code="T7-1"):
    return {"chart": "all", "code": code, "strokes": right_leg_band()}


class Server:
    """The server as a child process on 127.0.0.1 and a free port."""

    def __init__(self, binary, data, atlas=None, extra_env=None):
        self.binary, self.data, self.atlas = binary, data, atlas
        self.env = dict(os.environ, REFERRAL_ATLAS_TOKEN=TOKEN, **(extra_env or {}))
        self.process = None
        self.port = None

    def start(self, timeout=90):
        args = [self.binary, "serve", "--host", "127.0.0.1", "--port", "0", "--data", self.data]
        if self.atlas:
            args += ["--atlas", self.atlas]
        self.log = open(os.path.join(self.data + "-server.log"), "ab")
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=self.log, env=self.env)
        lines = queue.Queue()
        self.output = []   # everything the server prints (its log), for the tests to read

        def pump():
            for raw in self.process.stdout:
                line = raw.decode("utf-8", "replace")
                self.output.append(line)
                lines.put(line)
            lines.put(None)

        threading.Thread(target=pump, daemon=True).start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                break
            if line is None:
                raise RuntimeError(f"the server stopped before listening (exit {self.process.wait()})")
            found = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
            if found:
                self.port = int(found.group(1))
                return self
        self.kill()
        raise RuntimeError(f"the server did not start listening within {timeout} s")

    def cpu_seconds(self):
        """CPU time the server has used so far (user + system), from /proc."""
        with open(f"/proc/{self.process.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def log_text(self):
        """All the server has printed: its standard output and its log (standard error)."""
        self.log.flush()
        with open(self.data + "-server.log", encoding="utf-8", errors="replace") as f:
            return "".join(self.output) + f.read()

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def connection(self, timeout=60):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


def request(conn, method, path, body=None, headers=None):
    """One request on a kept-alive connection: (status, parsed JSON or text)."""
    data = json.dumps(body).encode() if isinstance(body, (dict, list)) else body
    hdrs = dict(headers or {})
    if isinstance(body, (dict, list)):
        hdrs["Content-Type"] = "application/json"
    conn.request(method, path, body=data, headers=hdrs)
    response = conn.getresponse()
    raw = response.read()
    kind = response.getheader("Content-Type", "")
    payload = json.loads(raw) if kind.startswith("application/json") and raw else raw.decode("utf-8", "replace")
    return response.status, payload


def stored_ids(server):
    conn = server.connection()
    status, listing = request(conn, "GET", "/api/drawings", headers={"Authorization": f"Bearer {TOKEN}"})
    conn.close()
    if status != 200:
        raise RuntimeError(f"GET /api/drawings answered {status}")
    return {d["id"] for d in listing}
