"""briefreader and newsboat side by side on the same synthetic wire stories, in one run.

For each size (100, 1k, 10k by default; 100k with --sizes 100,1000,10000,100000) it writes
a corpus with benchmarks/corpus.py (N .txt files and the same N items as one RSS feed), then:

- cold ingest: `briefreader --data-dir FRESH add DIR` (parse + entity recognition) against
  `newsboat -x reload` of the feed through an `exec:cat feed.xml` url, into a fresh cache;
- first screen: each program launched in a tmux pane of fixed size, timed until the newest
  story's title (briefreader's first row) / the feed title (newsboat's feed list) shows;
  run from the checkout, briefreader's modules are byte-compiled first, as `pip install`
  does (these machines set PYTHONDONTWRITEBYTECODE, so nothing else would cache them);
- open an article: enter on the first row until the story's first words show (newsboat:
  enter on the feed, then enter on its first item, timed from the second enter);
- filter: briefreader `/` then the word typed, until "K of N articles" for that word shows;
  newsboat `/` search in the feed, the word and enter, until its "Search results" list shows;
- peak memory: ru_maxrss of the ingest process (os.wait4) and VmHWM of the TUI process.

Absolute times on a shared machine are noise; the ratio briefreader / newsboat measured in
the same run is the figure. Each measure is the median of --repeat runs, the two programs
interleaved. Results go to stdout and benchmarks/results/scale-latest.md (+ .json).

    python benchmarks/scale.py [--sizes 100,1000,10000] [--repeat 3]
        [--briefreader "python -m briefreader"] [--newsboat newsboat]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import re
import resource
import shlex
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
COLS, ROWS = 160, 48
POLL = 0.005  # seconds between screen captures (one capture costs ~2-3 ms)


class BenchError(Exception):
    """A step that did not finish as expected: the message says which and what was seen."""


# -- processes -------------------------------------------------------------------------


def run_measured(
    argv: list[str], env: dict[str, str], cwd: Path, timeout: float
) -> tuple[float, int, str]:
    """Run a command to completion: wall seconds, its own peak RSS in kB, its stdout."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, env=env, cwd=cwd, stdout=out, stderr=err)
        deadline = start + timeout
        sampled = 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            try:
                sampled = max(sampled, vm_hwm_kb(proc.pid))
            except (OSError, ValueError):
                pass
            if time.perf_counter() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                raise BenchError(f"timed out after {timeout:.0f}s: {shlex.join(argv)}")
            time.sleep(0.002)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise BenchError(
            f"{shlex.join(argv)} exited with {proc.returncode}: {stderr.strip()[-500:]}"
        )
    # ru_maxrss (kB on Linux) also counts the forked copy of this harness before exec, so
    # it is the child's own peak only when above ours; otherwise the sampled VmHWM is.
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak = max(sampled, usage.ru_maxrss if usage.ru_maxrss > own else 0)
    return elapsed, peak, stdout


class Tmux:
    """A private tmux server (own socket, no user config) holding one pane per session."""

    def __init__(self) -> None:
        self.socket = f"scalebench-{os.getpid()}"
        self.base = ["tmux", "-L", self.socket, "-f", "/dev/null"]

    def _run(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            [*self.base, *args], capture_output=True, text=True, timeout=30, check=False
        )
        if check and result.returncode != 0:
            raise BenchError(f"tmux {' '.join(args[:2])}: {result.stderr.strip()}")
        return result.stdout

    def start(self, name: str, argv: list[str], env: dict[str, str], cwd: Path) -> None:
        # `exec env ...` so the pane's process is the program itself (VmHWM is then its own).
        command = (
            "exec env "
            + " ".join(shlex.quote(f"{k}={v}") for k, v in env.items())
            + " "
            + shlex.join(argv)
        )
        self._run(
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            str(COLS),
            "-y",
            str(ROWS),
            "-c",
            str(cwd),
            command,
        )

    def pid(self, name: str) -> int:
        return int(self._run("display-message", "-p", "-t", name, "#{pane_pid}").strip())

    def capture(self, name: str) -> str:
        return self._run("capture-pane", "-p", "-t", name, check=False)

    def keys(self, name: str, *keys: str, literal: bool = False, check: bool = True) -> None:
        self._run("send-keys", "-t", name, *(["-l"] if literal else []), *keys, check=check)

    def kill(self, name: str) -> None:
        self._run("kill-session", "-t", name, check=False)

    def close(self) -> None:
        self._run("kill-server", check=False)


def wait_screen(
    tmux: Tmux, name: str, seen: Callable[[str], bool], what: str, timeout: float
) -> float:
    """Poll the pane until `seen(screen)`; return the time it became true (perf_counter)."""
    deadline = time.perf_counter() + timeout
    screen = ""
    while True:
        screen = tmux.capture(name)
        now = time.perf_counter()
        if seen(screen):
            return now
        if now > deadline:
            tail = "\n".join(screen.rstrip().splitlines()[-6:])
            raise BenchError(
                f"{name}: {what} not on screen after {timeout:.0f}s; last screen:\n{tail}"
            )
        time.sleep(POLL)


def vm_hwm_kb(pid: int) -> int:
    """Peak resident set size of a running process, from /proc (kB)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def wait_exit(pid: int, timeout: float) -> None:
    deadline = time.perf_counter() + timeout
    while Path(f"/proc/{pid}").exists() and time.perf_counter() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
        except OSError:
            return
        if state == "Z":
            return
        time.sleep(0.02)


# -- the two programs ------------------------------------------------------------------


class Programs:
    """How to run each program, with every file it writes under one temp folder."""

    def __init__(
        self, briefreader: list[str], newsboat: list[str], work: Path, timeout: float
    ) -> None:
        self.briefreader = briefreader
        self.newsboat = newsboat
        self.python = sys.executable  # runs textual_floor.py; needs Textual importable
        self.work = work
        self.timeout = timeout
        home = work / "home"
        home.mkdir(parents=True, exist_ok=True)
        # Neither program may touch the real home: HOME and XDG dirs point into work/.
        self.env = {
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local/share"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_STATE_HOME": str(home / ".local/state"),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        }

    def full_env(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        env = dict(os.environ)
        env.update(self.env)
        env.update(extra or {})
        return env

    # briefreader

    def br_data(self, n: int) -> Path:
        return self.work / f"br-{n}"

    def br_ingest(self, n: int, articles: Path) -> tuple[float, int]:
        data = self.br_data(n)
        shutil.rmtree(data, ignore_errors=True)
        env = self.full_env({"BRIEFREADER_DATA_DIR": str(data)})
        argv = [*self.briefreader, "--data-dir", str(data), "add", str(articles)]
        elapsed, rss, out = run_measured(argv, env, self.work, self.timeout * 10)
        if f"added {n} article" not in out:
            raise BenchError(f"briefreader add did not add {n} articles: {out.strip()}")
        return elapsed, rss

    def br_tui(self, n: int) -> tuple[list[str], dict[str, str]]:
        data = self.br_data(n)
        return [*self.briefreader, "--data-dir", str(data)], {
            **self.env,
            "BRIEFREADER_DATA_DIR": str(data),
        }

    # newsboat

    def nb_dir(self, n: int) -> Path:
        return self.work / f"nb-{n}"

    def nb_files(self, n: int, feed: Path) -> tuple[Path, Path, Path]:
        folder = self.nb_dir(n)
        folder.mkdir(parents=True, exist_ok=True)
        urls, config, cache = folder / "urls", folder / "config", folder / "cache.db"
        urls.write_text(f'"exec:cat {feed}"\n', "utf-8")
        # newsboat's "date-asc" lists the newest first, as briefreader does.
        config.write_text(
            "article-sort-order date-asc\nshow-read-feeds yes\nconfirm-exit no\n", "utf-8"
        )
        return urls, config, cache

    def nb_args(self, n: int, feed: Path) -> list[str]:
        urls, config, cache = self.nb_files(n, feed)
        return [*self.newsboat, "-u", str(urls), "-c", str(cache), "-C", str(config)]

    def nb_ingest(self, n: int, feed: Path) -> tuple[float, int]:
        folder = self.nb_dir(n)
        shutil.rmtree(folder, ignore_errors=True)
        argv = [*self.nb_args(n, feed), "-x", "reload"]
        elapsed, rss, _ = run_measured(argv, self.full_env(), self.work, self.timeout * 10)
        with sqlite3.connect(folder / "cache.db") as db:
            count = db.execute("SELECT count(*) FROM rss_item").fetchone()[0]
        if count != n:
            raise BenchError(f"newsboat stored {count} items, expected {n}")
        # Each session starts from this state: all unread, so the cursor is on the first item.
        shutil.copyfile(folder / "cache.db", folder / "cache.pristine.db")
        return elapsed, rss


# -- one TUI session per program ---------------------------------------------------------


def _articles_count(n: int, word: str) -> Callable[[str], bool]:
    pattern = re.compile(rf"\b\d+ of {n} articles\b")
    return lambda screen: bool(pattern.search(screen)) and f"filter: {word}" in screen


def session_briefreader(
    tmux: Tmux, progs: Programs, n: int, manifest: dict, name: str
) -> dict[str, float]:
    probe = manifest["probe"]
    word = manifest["filter_word"]
    argv, env = progs.br_tui(n)
    timeout = progs.timeout
    figures: dict[str, float] = {}
    try:
        start = time.perf_counter()
        tmux.start(name, argv, env, progs.work)
        pid = tmux.pid(name)
        shown = wait_screen(tmux, name, lambda s: probe["title"][:40] in s, "first row", timeout)
        figures["first_screen"] = shown - start
        wait_screen(tmux, name, lambda s: f"{n} articles" in s, f"'{n} articles'", timeout)
        time.sleep(0.3)  # let it settle, as a person would look before pressing a key

        start = time.perf_counter()
        tmux.keys(name, "Enter")
        shown = wait_screen(tmux, name, lambda s: probe["text"] in s, "article text", timeout)
        figures["open"] = shown - start
        time.sleep(0.3)
        tmux.keys(name, "Escape")
        wait_screen(tmux, name, lambda s: probe["text"] not in s, "list again", timeout)
        time.sleep(0.3)

        tmux.keys(name, "/")
        wait_screen(tmux, name, lambda s: "tag:x" in s, "filter box", timeout)
        time.sleep(0.3)
        start = time.perf_counter()
        tmux.keys(name, word, literal=True)
        shown = wait_screen(tmux, name, _articles_count(n, word), "filtered count", timeout)
        figures["filter"] = shown - start
        screen = tmux.capture(name)
        found = re.search(rf"\b(\d+) of {n} articles\b", screen)
        figures["filter_hits"] = int(found.group(1)) if found else -1
        time.sleep(0.3)
        figures["tui_rss_kb"] = vm_hwm_kb(pid)
        tmux.keys(name, "Escape")
        time.sleep(0.2)
        tmux.keys(name, "q", check=False)
        wait_exit(pid, timeout)
    finally:
        tmux.kill(name)
    return figures


def session_floor(
    tmux: Tmux, progs: Programs, n: int, manifest: dict, name: str
) -> dict[str, float]:
    """An empty Textual app showing the same title: what any Textual program pays to start."""
    title = manifest["probe"]["title"]
    argv = [progs.python, str(HERE / "textual_floor.py"), title]
    try:
        start = time.perf_counter()
        tmux.start(name, argv, progs.env, progs.work)
        shown = wait_screen(tmux, name, lambda s: title[:40] in s, "floor title", progs.timeout)
        return {"floor_first_screen": shown - start}
    finally:
        tmux.kill(name)


def session_newsboat(
    tmux: Tmux, progs: Programs, n: int, manifest: dict, name: str
) -> dict[str, float]:
    probe = manifest["probe"]
    word = manifest["filter_word"]
    argv = progs.nb_args(n, Path(manifest["feed"]))
    folder = progs.nb_dir(n)
    shutil.copyfile(folder / "cache.pristine.db", folder / "cache.db")
    timeout = progs.timeout
    figures: dict[str, float] = {}
    try:
        start = time.perf_counter()
        tmux.start(name, argv, progs.env, progs.work)
        pid = tmux.pid(name)
        shown = wait_screen(
            tmux, name, lambda s: manifest["feed_title"][:20] in s, "feed list", timeout
        )
        figures["first_screen"] = shown - start
        # Straight on into the feed: launch to article titles on screen.
        tmux.keys(name, "Enter")
        shown = wait_screen(tmux, name, lambda s: probe["title"][:40] in s, "item list", timeout)
        figures["first_titles"] = shown - start
        time.sleep(0.3)

        start = time.perf_counter()
        tmux.keys(name, "Enter")
        shown = wait_screen(tmux, name, lambda s: probe["text"] in s, "article text", timeout)
        figures["open"] = shown - start
        time.sleep(0.3)
        tmux.keys(name, "q")
        wait_screen(tmux, name, lambda s: "Articles in feed" in s, "item list again", timeout)
        time.sleep(0.3)

        tmux.keys(name, "/")
        wait_screen(tmux, name, lambda s: "Search for:" in s, "search prompt", timeout)
        tmux.keys(name, word, literal=True)
        time.sleep(0.3)
        start = time.perf_counter()
        tmux.keys(name, "Enter")
        shown = wait_screen(tmux, name, lambda s: "Search results" in s, "search results", timeout)
        figures["filter"] = shown - start
        found = re.search(r"Search results \(\d+ unread, (\d+) total\)", tmux.capture(name))
        figures["filter_hits"] = int(found.group(1)) if found else -1
        time.sleep(0.3)
        figures["tui_rss_kb"] = vm_hwm_kb(pid)
        for _ in range(4):  # search results → item list → feed list → quit
            tmux.keys(name, "q", check=False)
            time.sleep(0.1)
        wait_exit(pid, timeout)
    finally:
        tmux.kill(name)
    return figures


# -- the run -----------------------------------------------------------------------------


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def measure_size(
    n: int, progs: Programs, tmux: Tmux, repeat: int, seed: int, log: Callable[[str], None]
) -> dict[str, dict[str, float]]:
    folder = progs.work / f"corpus-{n}"
    start = time.perf_counter()
    manifest = corpus.generate(n, folder, seed)
    log(f"[{n}] corpus written in {time.perf_counter() - start:.1f}s")
    articles, feed = Path(manifest["articles"]), Path(manifest["feed"])

    ingest_repeat = repeat if n <= 10_000 else 1
    samples: dict[str, dict[str, list[float]]] = {"briefreader": {}, "newsboat": {}}

    def add(prog: str, key: str, value: float) -> None:
        samples[prog].setdefault(key, []).append(value)

    for r in range(ingest_repeat):
        # Alternate which goes first so a noisy neighbour hits both alike.
        order = ("briefreader", "newsboat") if r % 2 == 0 else ("newsboat", "briefreader")
        for prog in order:
            if prog == "briefreader":
                elapsed, rss = progs.br_ingest(n, articles)
            else:
                elapsed, rss = progs.nb_ingest(n, feed)
            add(prog, "ingest", elapsed)
            add(prog, "ingest_rss_kb", rss)
            log(f"[{n}] ingest {prog}: {elapsed:.2f}s, {rss / 1024:.0f} MB")

    sessions = {"briefreader": session_briefreader, "newsboat": session_newsboat}
    for prog, session in sessions.items():  # one untimed run each: caches, .pyc files
        session(tmux, progs, n, manifest, f"warmup-{prog}-{n}")
    for r in range(repeat):
        order = ("briefreader", "newsboat") if r % 2 == 0 else ("newsboat", "briefreader")
        for prog in order:
            figures = sessions[prog](tmux, progs, n, manifest, f"{prog}-{n}-{r}")
            if prog == "briefreader":
                figures.update(session_floor(tmux, progs, n, manifest, f"floor-{n}-{r}"))
            for key, value in figures.items():
                add(prog, key, value)
            log(
                f"[{n}] tui {prog}: "
                + ", ".join(
                    f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                    for k, v in figures.items()
                )
            )
    result = {prog: {k: median(v) for k, v in figures.items()} for prog, figures in samples.items()}
    for prog in result:
        figures = result[prog]
        figures["peak_rss_kb"] = max(figures["ingest_rss_kb"], figures["tui_rss_kb"])
    return result


ROWS_SHOWN = (
    ("ingest", "cold ingest (s)", "s"),
    ("first_screen", "first screen, warm (s)", "s"),
    ("floor_first_screen", "first screen of an empty Textual app (s)", "s"),
    ("open", "open an article (ms)", "ms"),
    ("filter", "filter (ms)", "ms"),
    ("ingest_rss_kb", "peak memory, ingest (MB)", "MB"),
    ("tui_rss_kb", "peak memory, TUI session (MB)", "MB"),
)


def fmt(value: float, unit: str) -> str:
    if value != value:  # NaN
        return "–"
    if unit == "ms":
        return f"{value * 1000:.0f}"
    if unit == "MB":
        return f"{value / 1024:.0f}"
    return f"{value:.2f}"


def table(results: dict[int, dict[str, dict[str, float]]]) -> list[str]:
    lines = [
        "| articles | measure | briefreader | newsboat | ratio briefreader / newsboat |",
        "|---:|---|---:|---:|---:|",
    ]
    for n, result in results.items():
        br, nb = result["briefreader"], result["newsboat"]
        for key, label, unit in ROWS_SHOWN:
            # The floor has no newsboat run of its own: it is set against newsboat's start.
            theirs = nb.get("first_screen" if key == "floor_first_screen" else key, float("nan"))
            ours = br.get(key, float("nan"))
            ratio = ours / theirs if theirs else float("nan")
            lines.append(
                f"| {n:,} | {label} | {fmt(ours, unit)} | {fmt(theirs, unit)} | {ratio:.2f}x |"
            )
        lines.append(
            f"| {n:,} | newsboat: launch to article titles (s) | – "
            f"| {fmt(nb['first_titles'], 's')} | – |"
        )
        lines.append(
            f"| {n:,} | filter hits (same word) | {br['filter_hits']:.0f} "
            f"| {nb['filter_hits']:.0f} | – |"
        )
    return lines


def targets(results: dict[int, dict[str, dict[str, float]]]) -> list[str]:
    lines = ["| target | measured | verdict |", "|---|---:|---|"]

    def check(label: str, value: float | None, limit: float, shown: str = "{:.3f}x") -> None:
        if value is None:
            lines.append(f"| {label} | – | not measured (size not in --sizes) |")
        else:
            verdict = "PASS" if value <= limit else "FAIL"
            lines.append(f"| {label} | {shown.format(value)} | {verdict} |")

    ten, hundred = results.get(10_000), results.get(100_000)

    def ratio(result: dict | None, key: str) -> float | None:
        if result is None:
            return None
        return result["briefreader"][key] / result["newsboat"][key]

    value = ratio(ten, "ingest")
    check("10k cold ingest (with entities) ≤ 1.0x newsboat's plain ingest", value, 1.0)
    value = ratio(ten, "first_screen")
    check("first screen at 10k ≤ 3x newsboat's", value, 3.0)
    if ten and "floor_first_screen" in ten["briefreader"]:
        floor = ten["briefreader"]["floor_first_screen"] / ten["newsboat"]["first_screen"]
        lines.append(
            f"| (for scale: an empty Textual app's first screen vs newsboat's at 10k) "
            f"| {floor:.3f}x | {'within' if floor <= 3.0 else 'already over'} 3x |"
        )
    value = (
        hundred["briefreader"]["first_screen"] / ten["briefreader"]["first_screen"]
        if ten and hundred
        else None
    )
    check("first screen at 100k ≤ 1.5x that at 10k", value, 1.5)
    value = ratio(ten, "peak_rss_kb")
    check("peak memory at 10k ≤ 2x newsboat's (max of ingest and TUI)", value, 2.0)
    value = hundred["briefreader"]["peak_rss_kb"] / 1024 if hundred else None
    check("peak memory at 100k ≤ 600 MB", value, 600, "{:.0f} MB")
    value = hundred["briefreader"]["open"] * 1000 if hundred else None
    check(
        "open an article at 100k < 50 ms",
        value,
        49.999,
        "{:.0f} ms",
    )
    return lines


def newsboat_command(given: str | None, install: bool, log: Callable[[str], None]) -> list[str]:
    if given:
        return shlex.split(given)
    if shutil.which("newsboat"):
        return ["newsboat"]
    if install and os.geteuid() == 0 and shutil.which("apt-get"):
        log("newsboat is missing: installing it from the system packages (apt-get)")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        if subprocess.run(["apt-get", "install", "-y", "newsboat"], env=env).returncode:
            subprocess.run(["apt-get", "update"], env=env, check=False)
            subprocess.run(["apt-get", "install", "-y", "newsboat"], env=env, check=False)
        if shutil.which("newsboat"):
            return ["newsboat"]
    raise SystemExit(
        "scale.py: newsboat is not installed; install it (apt-get install newsboat, or run this "
        "as root and it installs itself) or pass --newsboat PATH"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated N")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure (median)")
    parser.add_argument(
        "--briefreader",
        help="command that runs briefreader (default: this Python with this checkout's tui/ "
        "first on PYTHONPATH, i.e. 'python -m briefreader')",
    )
    parser.add_argument("--newsboat", help="command that runs newsboat (default: newsboat)")
    parser.add_argument("--no-install", action="store_true", help="never apt-get newsboat")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=120, help="seconds per screen wait")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "scale-latest.md")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    args = parser.parse_args()
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    if not shutil.which("tmux"):
        raise SystemExit("scale.py: tmux is needed (apt-get install tmux)")
    newsboat = newsboat_command(args.newsboat, not args.no_install, log)
    if args.briefreader:
        briefreader = shlex.split(args.briefreader)
        extra_env: dict[str, str] = {}
    else:
        briefreader = [sys.executable, "-m", "briefreader"]
        path = os.environ.get("PYTHONPATH")
        extra_env = {"PYTHONPATH": str(REPO / "tui") + (os.pathsep + path if path else "")}
        # `pip install .` compiles the package's bytecode when it installs it; a checkout
        # run with PYTHONDONTWRITEBYTECODE (set on these machines) would compile every
        # module again at every start (~40-90 ms), which no user pays. Compile it once.
        compileall.compile_dir(REPO / "tui" / "briefreader", quiet=1)
    version = subprocess.run(
        [*newsboat, "-v"], capture_output=True, text=True, check=False
    ).stdout.splitlines()
    br_version = subprocess.run(
        [*briefreader, "--version"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **extra_env},
    ).stdout.strip()

    work = Path(tempfile.mkdtemp(prefix="briefreader-scale-"))
    tmux = Tmux()
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    results: dict[int, dict[str, dict[str, float]]] = {}
    try:
        progs = Programs(briefreader, newsboat, work, args.timeout)
        progs.env.update(extra_env)
        for n in sizes:
            results[n] = measure_size(n, progs, tmux, args.repeat, args.seed, log)
            if not args.keep:  # 100k of files and a database: do not pile them up
                for leftover in (work / f"corpus-{n}", progs.br_data(n), progs.nb_dir(n)):
                    shutil.rmtree(leftover, ignore_errors=True)
    finally:
        tmux.close()
        signal.signal(signal.SIGTERM, previous)
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    header = [
        f"Run {when}: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{br_version or 'briefreader'} (`{shlex.join(briefreader)}`), "
        f"{version[0] if version else 'newsboat'}; terminal {COLS}x{ROWS} in tmux; "
        f"median of {args.repeat} runs (cold ingest at 100k: 1 run); seed {args.seed}.",
        "",
    ]
    text = "\n".join(
        [*header, *table(results), "", "Targets from the issue:", "", *targets(results)]
    )
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n", "utf-8")
    args.out.with_suffix(".json").write_text(
        json.dumps({"run": when, "results": results}, indent=2) + "\n", "utf-8"
    )
    log(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
