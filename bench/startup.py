"""How long a command takes before it does anything, against the libraries it is built on.

Usage: python bench/startup.py [--runs 20]

Times, as wall-clock medians over ``--runs`` runs taken in turn (so that a busy machine slows
every command alike):

- the floor: ``python -c "import typer, rich.console"``, what any typer + rich CLI pays;
- ``quotetrack --help``;
- ``quotetrack list`` on a small record (the seed statements);
- ``quotetrack add`` of a new statement to that record;

and prints each command's ratio to the floor. The target is a ratio of at most 2.0 for each.

For reference it also times a typer app of one command with one option that does nothing: what
every typer command pays before quotetrack's own code. From typer 0.29 that line doubles, because
running any command with a parameter imports pydantic (typer checks values with pydantic's
TypeAdapter), which ``import typer`` alone does not; quotetrack keeps typer below 0.29.
The commands run through the ``quotetrack`` script installed beside this Python, each once untimed
first so that all of them, the floor included, load compiled bytecode from a cache in a
temporary folder (``PYTHONPYCACHEPREFIX``), and quotetrack's commands read the tables it builds
from its word lists from a cache in that folder too (``QUOTETRACK_CACHE``), as they do from the
user's cache folder after their first run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "quotetrack" / "samples" / "makhmour-statements.jsonl"
TARGET = 2.0
TYPER_COMMAND = """
import typer, rich.console
app = typer.Typer()
@app.command()
def hello(name: str = "") -> None:
    pass
app()
"""


def _script() -> str:
    script = Path(sys.executable).with_name("quotetrack")
    if not script.exists():
        sys.exit(f"No quotetrack script beside {sys.executable}: pip install -e . first.")
    return str(script)


def _time(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="runs of each command (default 20)")
    args = parser.parse_args()
    script = _script()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "QUOTETRACK_DB": str(Path(folder) / "record.db"), "QUOTETRACK_EDITOR": "bench",
               # Every command reads compiled bytecode, as an installed copy does (pip compiles a
               # wheel's modules when it installs them): with PYTHONDONTWRITEBYTECODE set, an
               # editable install would compile quotetrack's source again on every run while the
               # floor's libraries load theirs compiled. The cache lives in this run's folder.
               "PYTHONPYCACHEPREFIX": str(Path(folder) / "pycache"),
               # The same for the tables built from the word lists: filled by the untimed run,
               # not found ready from an earlier run of this machine's quotetrack.
               "QUOTETRACK_CACHE": str(Path(folder) / "tables")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run([script, "import", str(SEED)], env=env, check=True, stdout=subprocess.DEVNULL)
        commands = {
            'python -c "import typer, rich.console"': lambda _: [sys.executable, "-c", "import typer, rich.console"],
            "(reference) a one-option typer command": lambda _: [sys.executable, "-c", TYPER_COMMAND, "--name", "x"],
            "quotetrack --help": lambda _: [script, "--help"],
            "quotetrack list": lambda _: [script, "list"],
            "quotetrack add": lambda n: [script, "add", f"Statement number {n} for the start-up bench",
                                         "--speaker", "Bench Speaker"],
        }
        for command in commands.values():  # once untimed, to fill the bytecode cache
            subprocess.run(command(-1), env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for run in range(args.runs):
            for name, command in commands.items():
                times[name].append(_time(command(run), env))
    floor_name = next(iter(commands))
    floor = statistics.median(times[floor_name])
    print(f"median of {args.runs} runs each, wall clock")
    print(f"{floor_name:<44} {floor * 1000:7.0f} ms")
    worst = 0.0
    for name in list(commands)[1:]:
        median = statistics.median(times[name])
        ratio = median / floor
        if not name.startswith("(reference)"):
            worst = max(worst, ratio)
        print(f"{name:<44} {median * 1000:7.0f} ms   ratio {ratio:4.2f}")
    verdict = "within" if worst <= TARGET else "over"
    print(f"worst ratio {worst:.2f}: {verdict} the target of {TARGET}")


if __name__ == "__main__":
    main()
