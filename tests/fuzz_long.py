"""Long fuzzing run of the properties in tests/test_properties.py, with a large example budget.

Run from the repository root (either form works):

    .venv/bin/python -m tests.fuzz_long --examples 10000 --properties 1 2
    .venv/bin/python tests/fuzz_long.py --examples 10000          # all five properties

Properties: 1 `clean` raises only DwcleanError (str, bytes); 2 nothing invented (dumps, HTML,
mutated real dumps); 3 nothing lost (plain paragraphs); 4 deterministic; 5 real dumps survive
harmless mutations (needs ../shared/corpus; skipped without it). `--examples N` (default 10000)
is the budget of every check; `--seed S` makes a run repeatable; `--no-shrink` reports the first
failing example as found instead of minimising it (faster when something fails).

For every check it prints how many examples ran and whether one failed (with the failing example
and the hypothesis reproduction blob); the exit status is 1 when any check failed.
Not a pytest module (the name does not match test_*.py): CI runs the bounded tests instead.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `tests` importable as a package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

from tests import test_properties as tp
from tests.conftest import CORPUS

Check = tuple[str, st.SearchStrategy[Any], Callable[[Any], None]]


def _invented_in_mutated(plan: tuple[tuple[Path, Path], tuple[str, ...], int]) -> None:
    (dump, expected), mutations, seed = plan
    tp.check_nothing_invented(tp.apply_mutations(dump, expected, mutations, seed))


def _mutation_robust(plan: tuple[tuple[Path, Path], tuple[str, ...], int]) -> None:
    (dump, expected), mutations, seed = plan
    tp.check_mutation_robust(dump, expected, mutations, seed)


def checks() -> dict[str, list[Check]]:
    return {
        "1": [
            ("str", tp.any_text, tp.check_only_dwclean_errors),
            ("bytes", tp.any_bytes, tp.check_only_dwclean_errors),
        ],
        "2": [
            ("dumps", st.one_of(tp.dw_dump(), st.text()), tp.check_nothing_invented),
            ("html", tp.dw_html(), tp.check_nothing_invented),
            ("mutated real dumps", tp.mutation_plans, _invented_in_mutated),
        ],
        "3": [("plain paragraphs", tp.plain_paragraphs(), tp.check_nothing_lost)],
        "4": [("str and bytes", st.one_of(tp.any_text, tp.any_bytes), tp.check_deterministic)],
        "5": (
            [("mutated real dumps", tp.mutation_plans, _mutation_robust)] if CORPUS.is_dir() else []
        ),
    }


def run(
    name: str,
    strategy: st.SearchStrategy[Any],
    check: Callable[[Any], None],
    examples: int,
    seed: int,
    shrink: bool,
) -> bool:
    """Run one check; print what ran and what failed. True when it held."""
    calls = {"all": 0, "until_failure": None}

    def body(value: Any) -> None:
        calls["all"] += 1
        try:
            check(value)
        except BaseException:
            if calls["until_failure"] is None:
                calls["until_failure"] = calls["all"]
            raise

    phases = [Phase.explicit, Phase.reuse, Phase.generate, Phase.target]
    if shrink:
        phases += [Phase.shrink, Phase.explain]
    test = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=phases,
        print_blob=True,
    )(given(strategy)(body))
    test = hypothesis_seed(seed)(test)
    started = time.monotonic()
    try:
        test()
    except BaseException as error:  # any failure of the property, reported and counted
        if isinstance(error, KeyboardInterrupt):
            raise
        seconds = time.monotonic() - started
        print(
            f"  {name}: FAILED after {calls['until_failure']} examples "
            f"({calls['all']} calls with shrinking, {seconds:.0f} s)"
        )
        _report(error)
        return False
    seconds = time.monotonic() - started
    print(f"  {name}: passed, {calls['all']} examples ran ({seconds:.0f} s)")
    return True


def _report(error: BaseException, indent: str = "    ") -> None:
    """The failure, its falsifying example (hypothesis adds it as a note), and any sub-failures."""
    message = f"{type(error).__name__}: {error}"
    print(indent + message[:1500].replace("\n", "\n" + indent))
    for note in getattr(error, "__notes__", []):
        print(indent + note[:3000].replace("\n", "\n" + indent))
    if isinstance(error, BaseExceptionGroup):
        for number, sub in enumerate(error.exceptions, 1):
            print(f"{indent}--- distinct failure {number}:")
            _report(sub, indent + "  ")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10000, help="examples per check")
    parser.add_argument(
        "--properties", nargs="+", default=["1", "2", "3", "4", "5"], choices="12345"
    )
    parser.add_argument("--seed", type=int, default=None, help="repeat a run (printed)")
    parser.add_argument("--no-shrink", action="store_true", help="report failures unminimised")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    print(f"fuzz_long: {args.examples} examples per check, seed {seed}")
    table = checks()
    failed: list[str] = []
    for number in args.properties:
        print(f"property {number}:")
        if not table[number]:
            print("  skipped (../shared/corpus is absent)")
        for name, strategy, check in table[number]:
            if not run(name, strategy, check, args.examples, seed, not args.no_shrink):
                failed.append(f"{number}/{name}")
    print("result: " + (f"FAILED: {', '.join(failed)}" if failed else "all held"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
