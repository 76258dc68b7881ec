#!/usr/bin/env python3
"""Measures UzumBot's time from process start to its first getUpdates, and its idle memory.

A minimal Bot API stand-in on 127.0.0.1 answers deleteWebhook and long-polls getUpdates with no updates.
The bot is the published build (dotnet UzumBot.dll), started with only the documented configuration keys,
under /usr/bin/time -v. Run from the repository root after `dotnet publish UzumBot -c Release -o out`:

    python3 tools/measure-startup.py out/UzumBot.dll [runs]
"""
import http.server, json, os, subprocess, sys, tempfile, threading, time

first_get_updates = []
lock = threading.Lock()

class BotApi(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args): pass
    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        method = self.path.rsplit("/", 1)[-1]
        if method == "getUpdates":
            with lock:
                first_get_updates.append(time.monotonic())
            time.sleep(1)
            body = {"ok": True, "result": []}
        elif method == "getMe":
            body = {"ok": True, "result": {"id": 123456, "is_bot": True, "first_name": "Measure", "username": "measure_bot"}}
        else:
            body = {"ok": True, "result": True}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0

def child_pid(pid):
    with open(f"/proc/{pid}/task/{pid}/children") as f:
        kids = f.read().split()
    return int(kids[0]) if kids else pid

def run_once(dll):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), BotApi)
    server.handle_error = lambda *args: None  # polls cut short when the bot stops
    threading.Thread(target=server.serve_forever, daemon=True).start()
    folder = tempfile.mkdtemp(prefix="uzumbot-measure-")
    env = dict(os.environ,
               Telegram__BotToken="123456:MEASURE-fake-token",
               Telegram__ApiBaseUrl=f"http://127.0.0.1:{server.server_address[1]}",
               Storage__Path=os.path.join(folder, "uzumbot.db"),
               Security__PepperPath=os.path.join(folder, "pepper.key"))
    first_get_updates.clear()
    started = time.monotonic()
    proc = subprocess.Popen(["/usr/bin/time", "-v", "dotnet", dll], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    while not first_get_updates and time.monotonic() - started < 60:
        time.sleep(0.005)
    to_first = first_get_updates[0] - started
    time.sleep(20)  # idle: polling, nothing to do
    idle = rss_kib(child_pid(proc.pid))
    proc.send_signal(2)
    os.kill(child_pid(proc.pid), 2)
    _, err = proc.communicate(timeout=30)
    max_rss = next((int(l.split(":")[1]) for l in err.splitlines() if "Maximum resident set size" in l), 0)
    server.shutdown()
    return to_first, idle, max_rss

if __name__ == "__main__":
    dll = sys.argv[1] if len(sys.argv) > 1 else "out/UzumBot.dll"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    results = [run_once(dll) for _ in range(runs)]
    for i, (t, idle, peak) in enumerate(results, 1):
        print(f"run {i}: first getUpdates after {t*1000:.0f} ms, idle RSS {idle/1024:.1f} MiB, peak RSS {peak/1024:.1f} MiB")
    ts = sorted(r[0] for r in results)
    print(f"median first getUpdates: {ts[len(ts)//2]*1000:.0f} ms; idle RSS median {sorted(r[1] for r in results)[len(results)//2]/1024:.1f} MiB")
