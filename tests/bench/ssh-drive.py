#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Driver for tests/bench/ssh-load.sh: N sessions of the full-screen guide
# at once, each on a pseudo-terminal of its own (80x24, xterm-256color),
# each walking the same scripted path with a think time between keys.
# A step's time runs from writing the key to the last byte of the repaint
# it caused (the output burst that follows, ended by GAP seconds of quiet;
# the quiet itself is not counted).
#   ssh-drive.py N THINK COMMAND...   (COMMAND: ssh -tt ... or the wrapper)
# Prints JSON: step times, start times, failures, CPU of the processes
# named klantreis-bench and of the sshd given by SSHD_PID (sampled), PSS.
import json, os, pty, random, resource, selectors, signal, struct, sys, time, fcntl, termios

n = int(sys.argv[1]); think = float(sys.argv[2]); cmd = sys.argv[3:]
GAP = 0.15
STEP_TIMEOUT = 60.0
# Enter in the language picker (English), then the first option eight
# times, back twice, forward once, then quit and confirm.
PATH = [b"\r"] + [b"1"] * 8 + [b"b", b"b", b"1"]
QUIT = [b"q", b"y"]
sshd_pid = int(os.environ.get("SSHD_PID", "0"))

def descendants(root):
    kids = {}
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open(f"/proc/{p}/stat") as f:
                st = f.read()
            ppid = int(st[st.rindex(")") + 2:].split()[1])
            kids.setdefault(ppid, []).append(int(p))
        except (OSError, ValueError):
            pass
    out, todo = [], [root]
    while todo:
        q = todo.pop()
        for c in kids.get(q, []):
            out.append(c); todo.append(c)
    return out

def comm(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return ""

def cputime(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            st = f.read()
        fields = st[st.rindex(")") + 2:].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return None

def pss(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None

class S:
    pass

sessions = []
sel = selectors.DefaultSelector()
t0 = time.monotonic()
me = os.getpid()
for i in range(n):
    pid, fd = pty.fork()
    if pid == 0:
        os.closerange(3, 65536)  # not the other sessions' terminals
        os.environ["TERM"] = "xterm-256color"
        os.environ["LANG"] = "C.UTF-8"
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    os.set_inheritable(fd, False)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    os.set_blocking(fd, False)
    s = S()
    s.i, s.pid, s.fd = i, pid, fd
    s.t_key = time.monotonic(); s.t_last = None; s.k = -1
    s.steps = []; s.start = None; s.done = False; s.failed = None; s.wait_until = None
    s.buf = b""
    sessions.append(s)
    sel.register(fd, selectors.EVENT_READ, s)
    time.sleep(0.02)  # a ramp: 50 a second

cpu = {}   # pid -> (name, last seen CPU seconds)
peak_pss = {"klantreis": 0, "sshd": 0, "count_k": 0, "count_sshd": 0}
last_sample = 0.0
live = n
while live:
    now = time.monotonic()
    for key, _ in sel.select(timeout=0.02):
        s = key.data
        try:
            data = os.read(s.fd, 65536)
        except OSError:
            data = b""
        now = time.monotonic()
        if not data:
            sel.unregister(s.fd); os.close(s.fd); live -= 1
            if s.k < len(PATH) + len(QUIT) - 1 and not s.failed:
                s.failed = f"ended after key {s.k}: {s.buf[-200:]!r}"
            s.done = True
            continue
        s.t_last = now
        if s.k < 0:
            s.buf += data
    now = time.monotonic()
    for s in sessions:
        if s.done or s.wait_until is not None and now < s.wait_until:
            continue
        if s.wait_until is not None:  # think time over: the next key
            s.wait_until = None
            s.k += 1
            keys = PATH + QUIT
            if s.k < len(keys):
                s.t_key = now; s.t_last = None
                os.write(s.fd, keys[s.k])
            continue
        if s.t_last is not None and now - s.t_last >= GAP:
            if s.k < 0:
                if "Українська".encode() not in s.buf:
                    continue
                s.start = s.t_last - s.t_key
            elif s.k < len(PATH):
                s.steps.append(s.t_last - s.t_key)
            s.t_last = None
            s.wait_until = now + (random.uniform(0.5, 1.5) * think if s.k < len(PATH) - 1 else 0)
        elif s.t_last is None and now - s.t_key > STEP_TIMEOUT and s.k < len(PATH):
            s.failed = f"no answer to key {s.k} in {STEP_TIMEOUT:.0f} s"
            try:
                os.kill(s.pid, signal.SIGTERM)
            except OSError:
                pass
            s.t_key = now + 3600
    if now - last_sample > 0.5:
        last_sample = now
        roots = [me] + ([sshd_pid] if sshd_pid else [])
        seen_k = seen_s = 0
        tot_k = tot_s = 0
        for r in roots:
            for p in descendants(r):
                c = comm(p)
                if c == "klantreis-bench" or (r == sshd_pid and c == "sshd"):
                    name = "klantreis" if c == "klantreis-bench" else "sshd"
                    t = cputime(p)
                    if t is not None:
                        cpu[p] = (name, t)
                    v = pss(p)
                    if v is not None:
                        if name == "klantreis":
                            tot_k += v; seen_k += 1
                        else:
                            tot_s += v; seen_s += 1
        if seen_k >= peak_pss["count_k"] and tot_k > peak_pss["klantreis"]:
            peak_pss.update(klantreis=tot_k, count_k=seen_k, sshd=tot_s, count_sshd=seen_s)

for s in sessions:
    os.waitpid(s.pid, 0)
wall = time.monotonic() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
out = {
    "n": n, "think": think, "wall": wall,
    "steps": [x for s in sessions for x in s.steps],
    "starts": [s.start for s in sessions if s.start is not None],
    "failed": [f"{s.i}: {s.failed}" for s in sessions if s.failed],
    "cpu_klantreis": sum(t for name, t in cpu.values() if name == "klantreis"),
    "cpu_sshd": sum(t for name, t in cpu.values() if name == "sshd"),
    "cpu_children": ru.ru_utime + ru.ru_stime,
    "pss": peak_pss,
}
json.dump(out, sys.stdout)
