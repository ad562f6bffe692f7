"""Score both entity backends on the seeds, dev and held-out gold; time them; in one run.

    PYTHONPATH=tui python benchmarks/ner_eval.py [--errors dev] [--spacy-python PATH]
                                                 [--spacy-model NAME] [--no-speed]

Quality: typed micro and per-label precision, recall and F1 (a hit is an exact span with the
same label), on each split separately. Speed: words per second on all gold texts, next to
a plain regex tokenizer pass over the same text measured in the same run (the ratio holds
on a noisy shared machine, the absolute figure is what the issue's budget names). Load:
seconds to import the recognizer in a fresh interpreter and run it once.

spaCy is scored through briefreader's own backend (briefreader.entities.spacy_backend: GPE/LOC/FAC
mapped to PLACE, spans trimmed to the guideline), exactly what the app shows: in this
process when spaCy is importable here, else in ``--spacy-python``'s interpreter (which runs
this file with ``--spacy-worker``); without either the comparison is reported as skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "ner_data"
SEEDS_GOLD = Path("/work/shared/ner/seeds_gold.jsonl")
LABELS = ("PERSON", "ORG", "PLACE", "DATE")
Span = tuple[int, int, str]


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def splits() -> dict[str, list[dict]]:
    found = {}
    for name, path in (
        ("seeds", SEEDS_GOLD),
        ("dev", DATA / "dev.jsonl"),
        ("heldout", DATA / "heldout.jsonl"),
    ):
        if path.exists():
            found[name] = load(path)
    return found


def score(gold: list[set[Span]], guess: list[set[Span]]) -> dict[str, tuple[float, ...]]:
    """Per label and micro: (precision, recall, f1, true positives, predicted, gold)."""
    table = {}
    for label in (*LABELS, "micro"):
        tp = predicted = total = 0
        for g, p in zip(gold, guess, strict=True):
            if label != "micro":
                g = {s for s in g if s[2] == label}
                p = {s for s in p if s[2] == label}
            tp += len(g & p)
            predicted += len(p)
            total += len(g)
        precision = tp / predicted if predicted else 0.0
        recall = tp / total if total else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[label] = (precision, recall, f1, tp, predicted, total)
    return table


def print_table(title: str, table: dict[str, tuple[float, ...]]) -> None:
    print(f"\n{title}")
    print(f"  {'label':7} {'P':>6} {'R':>6} {'F1':>6}   tp/pred/gold")
    for label, (p, r, f, tp, pred, total) in table.items():
        print(f"  {label:7} {p:6.3f} {r:6.3f} {f:6.3f}   {tp}/{pred}/{total}")


def gold_spans(doc: dict) -> set[Span]:
    return {(e["start"], e["end"], e["label"]) for e in doc["entities"]}


def show_errors(docs: list[dict], guesses: list[set[Span]]) -> None:
    for doc, guess in zip(docs, guesses, strict=True):
        gold = gold_spans(doc)
        text = doc["text"]
        for s, e, label in sorted(gold - guess):
            print(f"  MISS {doc['id']:22} {label:6} {text[s:e]!r}")
        for s, e, label in sorted(guess - gold):
            print(f"  FALSE {doc['id']:21} {label:6} {text[s:e]!r}")


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def speed(texts: list[str]) -> tuple[float, float]:
    """Rules words/s (best of 5) and load seconds in a fresh interpreter; printed too."""
    from briefreader.entities.recognizer import recognize

    words = sum(len(t.split()) for t in texts)
    tokenizer = re.compile(r"\w+|[^\w\s]")

    def ours() -> None:
        for text in texts:
            recognize(text)

    def baseline() -> None:
        for text in texts:
            tokenizer.findall(text)

    ours_s = baseline_s = float("inf")
    for _ in range(5):  # interleaved so both see the same machine load
        ours_s = min(ours_s, best_of(1, ours))
        baseline_s = min(baseline_s, best_of(1, baseline))
    print(f"\nspeed on {len(texts)} texts, {words} words (best of 5, one core)")
    print(f"  recognizer      {words / ours_s:12,.0f} words/s")
    print(f"  regex tokenizer {words / baseline_s:12,.0f} words/s")
    print(f"  recognizer time / tokenizer time = {ours_s / baseline_s:.1f}x")
    probe = (
        "import time; t = time.perf_counter(); "
        "from briefreader.entities.recognizer import recognize; "
        "recognize('Warm up in Paris on Monday.'); "
        "print(time.perf_counter() - t)"
    )
    bare = "import time; t = time.perf_counter(); import re, json; print(time.perf_counter() - t)"
    env = {"PYTHONPATH": str(ROOT / "tui")}
    loads = []
    for code in (probe, bare) * 3:
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        loads.append(float(result.stdout))
    print(f"  load (fresh interpreter: import + first call) {min(loads[0::2]):.3f} s")
    return words / ours_s, min(loads[0::2])


def spacy_measure(texts: list[str], model: str) -> dict[str, Any]:
    """Load the spaCy backend (timed), then its spans and best-of-2 time over texts."""
    from briefreader.entities.spacy_backend import load_spacy_recognizer

    start = time.perf_counter()
    recognizer = load_spacy_recognizer(model)
    recognizer.recognize("Warm up in Paris on Monday.")
    load_s = time.perf_counter() - start
    spans = [[(e.start, e.end, e.label) for e in recognizer.recognize(t)] for t in texts]
    seconds = best_of(2, lambda: [recognizer.recognize(t) for t in texts])
    return {
        "description": recognizer.description,
        "load_s": load_s,
        "seconds": seconds,
        "spans": spans,
    }


def spacy_answer(texts: list[str], python: str | None, model: str) -> dict[str, Any] | None:
    """The spaCy backend's measurements, here or in another interpreter; None if impossible."""
    from briefreader.entities.spacy_backend import SpacyUnavailable, spacy_installed

    if python is None and spacy_installed():
        try:
            return spacy_measure(texts, model)
        except SpacyUnavailable as error:
            print(f"\nspaCy comparison skipped: {error}")
            return None
    if python is None:
        print("\nspaCy comparison skipped: spaCy is not importable here; pass --spacy-python")
        return None
    command = [python, str(Path(__file__).resolve()), "--spacy-worker", "--spacy-model", model]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tui")}
    try:
        result = subprocess.run(
            command, input=json.dumps(texts), capture_output=True, text=True, check=True, env=env
        )
    except (subprocess.CalledProcessError, FileNotFoundError) as error:
        reason = getattr(error, "stderr", "") or str(error)
        print(f"\nspaCy comparison skipped: {reason.strip().splitlines()[-1:]}")
        return None
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", choices=["seeds", "dev", "heldout"], action="append")
    parser.add_argument("--spacy-python", help="another interpreter that has spaCy")
    parser.add_argument("--spacy-model", default=None, help="model package (default: the extra's)")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--spacy-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tui"))
    from briefreader.entities.recognizer import recognize
    from briefreader.entities.spacy_backend import DEFAULT_MODEL

    model = args.spacy_model or DEFAULT_MODEL
    if args.spacy_worker:  # texts on stdin, measurements on stdout, for --spacy-python
        json.dump(spacy_measure(json.load(sys.stdin), model), sys.stdout)
        return
    data = splits()
    rules: dict[str, dict[str, tuple[float, ...]]] = {}
    for name, docs in data.items():
        guesses = [{(e.start, e.end, e.label) for e in recognize(d["text"])} for d in docs]
        words = sum(len(d["text"].split()) for d in docs)
        rules[name] = score([gold_spans(d) for d in docs], guesses)
        print_table(f"briefreader rules on {name}: {len(docs)} texts, {words} words", rules[name])
        if args.errors and name in args.errors:
            show_errors(docs, guesses)
    texts = [d["text"] for docs in data.values() for d in docs]
    words = sum(len(t.split()) for t in texts)
    rules_speed = None if args.no_speed else speed(texts)
    all_docs = [(name, d) for name, docs in data.items() for d in docs]
    answer = spacy_answer(texts, args.spacy_python, model)
    if not answer:
        return
    by_spacy: dict[str, dict[str, tuple[float, ...]]] = {}
    for name in data:
        pairs = [
            (d, {tuple(s) for s in spans})
            for (n, d), spans in zip(all_docs, answer["spans"], strict=True)
            if n == name
        ]
        by_spacy[name] = score([gold_spans(d) for d, _ in pairs], [s for _, s in pairs])
        print_table(f"{answer['description']} on {name}", by_spacy[name])
        if args.errors and name in args.errors:
            show_errors([d for d, _ in pairs], [s for _, s in pairs])
    spacy_wps = words / answer["seconds"]
    print(f"\nspaCy backend: {spacy_wps:,.0f} words/s (best of 2), load {answer['load_s']:.2f} s")
    print(f"\nBoth backends ({answer['description']}), typed micro P / R / F1:\n")
    print("| split | texts | gold | rules P / R / F1 | spaCy P / R / F1 |")
    print("|---|---:|---:|---|---|")
    for name, docs in data.items():
        cells = [" / ".join(f"{v:.3f}" for v in t[name]["micro"][:3]) for t in (rules, by_spacy)]
        gold = int(rules[name]["micro"][5])
        print(f"| {name} | {len(docs)} | {gold} | {cells[0]} | {cells[1]} |")
    if rules_speed:
        print(
            f"| speed (words/s, one core) | | | {rules_speed[0]:,.0f} | {spacy_wps:,.0f} |\n"
            f"| load (import + model + first call, s) | | | {rules_speed[1]:.2f} | "
            f"{answer['load_s']:.2f} |"
        )


if __name__ == "__main__":
    main()
