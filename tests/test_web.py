"""MenuOS in the browser (make web): build/web/ is served from 127.0.0.1 and opened in Debian's
headless Chromium through playwright-core (tests/web/browser.cjs does the browser's part). v86
boots kernel.elf to the prompt in the terminal widget; replyhi and hello typed there print the
exchange; a guided step's button types strace hello; quit halts the machine and the page says
so; reset boots it again. A failing step leaves a screenshot in build/test-logs/.

One browser session runs every step in order (about 5 s in all); each case checks its step.
Without Chromium the group says it was skipped; under CI (CI=true), where tools/setup.sh has
installed it, a missing Chromium is a failure instead."""
import filecmp
import functools
import http.server
import json
import os
import shutil
import subprocess
import threading

from tests.harness import LOG_DIR, ROOT, TestFailure

MACHINE = False
CHROMIUM = os.environ.get("MENUOS_CHROMIUM", "/usr/bin/chromium")
WEB = os.path.join(ROOT, "build", "web")
NPM_DIR = os.path.join(ROOT, "build", "npm")
STEPS = ["boot", "replyhi_hello", "strace_button", "quit", "reset"]

_results = None
_skipped = None
_broken = None  # why the browser could not run at all: every case reports it, once tried


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def page_is_current():
    """build/web holds the page's sources as they are and the kernel.elf built now (make test
    has just made it: `test: all web`)."""
    pairs = [(os.path.join(ROOT, "web", f), os.path.join(WEB, f))
             for f in ("index.html", "menuos.js", "menuos.css")]
    pairs.append((os.path.join(ROOT, "build", "kernel.elf"), os.path.join(WEB, "kernel.elf")))
    return all(os.path.exists(b) and filecmp.cmp(a, b, shallow=False) for a, b in pairs) \
        and os.path.exists(os.path.join(WEB, "libv86.js"))


def build_page():
    """make web, only where the page is missing or stale (a run of this group alone): a make
    during make test could rebuild the kernel from sources edited since. With DEBUG=1 when
    build/.kdebug says the debug kernel is there, so the page gets the kernel the other groups
    test."""
    if page_is_current():
        return
    kdebug = os.path.join(ROOT, "build", ".kdebug")
    debug = []
    if os.path.exists(kdebug):
        with open(kdebug) as f:
            debug = ["DEBUG=1"] if f.read().strip() else []
    proc = subprocess.run(["make", "-s", "web"] + debug, cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0:
        raise TestFailure("make web failed:\n" + proc.stdout[-2000:])


def run_browser():
    """Serves build/web on a free port and runs every step in one page; returns the steps'
    results by name."""
    build_page()
    handler = functools.partial(QuietHandler, directory=WEB)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    os.makedirs(LOG_DIR, exist_ok=True)
    url = "http://127.0.0.1:%d/" % server.server_address[1]
    try:
        proc = subprocess.run(
            ["node", os.path.join(ROOT, "tests", "web", "browser.cjs"), url, NPM_DIR,
             os.path.join(LOG_DIR, "web")] + STEPS,
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=180,
            env=dict(os.environ, MENUOS_CHROMIUM=CHROMIUM))
    finally:
        server.shutdown()
        server.server_close()
    results = {}
    for line in proc.stdout.splitlines():
        if line.startswith("{"):
            r = json.loads(line)
            results[r["step"]] = r
    if "browser" in results or not results:
        raise TestFailure("the browser test could not run:\n" + proc.stdout[-2000:])
    return results


def step(name):
    """The result of one step, or None when the group is skipped."""
    global _results, _skipped, _broken
    if _broken is not None:
        raise TestFailure(_broken)
    if _results is None and _skipped is None:
        if not os.path.exists(CHROMIUM) or not shutil.which("node"):
            why = "no Chromium at %s or no node (tools/setup.sh installs Debian's chromium " \
                "and nodejs)" % CHROMIUM
            if os.environ.get("CI"):
                raise TestFailure("CI must run the browser test, but: " + why)
            _skipped = why
            print("web: skipped: " + why, flush=True)
        else:
            try:
                _results = run_browser()
            except TestFailure:
                _broken = "the browser test could not run (the first case says why)"
                raise
    if _skipped is not None:
        return None
    r = _results.get(name)
    if r is None:
        raise TestFailure("the browser test printed no result for step %s" % name)
    if not r["ok"]:
        where = " (screenshot: %s)" % os.path.relpath(r["screenshot"], ROOT) \
            if r.get("screenshot") else ""
        raise TestFailure("%s%s" % (r["why"], where))
    return r


def test_boots_to_the_prompt_in_the_terminal():
    r = step("boot")
    if r:
        print("  web: v86 in headless Chromium: the prompt %.2f s after the page began to "
              "boot (kernel.elf loaded, v86 started), %.2f s after it was opened" % (
                  r["boot_seconds"], r["page_to_prompt_seconds"]), flush=True)


def test_replyhi_then_hello_typed_in_the_terminal():
    step("replyhi_hello")


def test_step_button_types_strace_hello():
    step("strace_button")


def test_quit_halts_and_the_page_says_so():
    step("quit")


def test_reset_boots_again():
    step("reset")
