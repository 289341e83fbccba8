"""Load test of the room poll's storage: a room of participants answering from several replicas.

    python -m bench.room_load [--participants 30] [--questions 10] [--replicas 2]
                              [--changes 2] [--think 0.05] [--seed 0] [--db PATH]

One room in a fresh SQLite file (or in ``--db``, e.g. a file on the shared storage a deployment
means to use). ``--replicas`` processes (spawned, each with its own ``RoomStore`` on that file,
like app replicas on one host) run one thread per participant (participant k in replica
k mod replicas). Each participant answers every question, then changes ``--changes`` answers,
waiting a random 0-``--think`` s before each call. It prints the errors (must be 0), the
latency of one ``RoomStore.answer`` call (p50/p95/max) and whether the final counts, the number
of participants and every participant's last answer are exactly what was sent. Exit status 1
on any error or mismatch.
"""

import argparse
import math
import multiprocessing
import random
import tempfile
import threading
import time
from pathlib import Path

from ui.room_store import (
    MAX_ANSWERS_PER_QUESTION,
    MAX_ANSWERS_PER_ROOM,
    RoomStore,
)

OPTIONS = ("a", "b", "c", "d")
Plan = dict[str, list[tuple[str, str]]]  # participant id -> [(question, option), ...] in order


def question_ids(questions: int) -> list[str]:
    return [f"bench.q{i}" for i in range(questions)]


def make_plan(participants: int, questions: int, changes: int, seed: int) -> Plan:
    """Every participant answers each question once, then changes ``changes`` of them."""
    rng = random.Random(seed)
    ids = question_ids(questions)
    plan: Plan = {}
    for _ in range(participants):
        pid = f"{rng.getrandbits(128):032x}"
        steps = [(q, rng.choice(OPTIONS)) for q in ids]
        for index in rng.sample(range(questions), changes):
            old = steps[index][1]
            steps.append((ids[index], rng.choice([o for o in OPTIONS if o != old])))
        plan[pid] = steps
    return plan


def final_answers(plan: Plan) -> dict[tuple[str, str], str]:
    """(participant, question) -> the option it gave last."""
    return {(pid, q): option for pid, steps in plan.items() for q, option in steps}


def expected_counts(plan: Plan, questions: list[str]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {q: {} for q in questions}
    for (_, q), option in final_answers(plan).items():
        counts[q][option] = counts[q].get(option, 0) + 1
    return counts


def _participant(store, code, pid, steps, think, seed, latencies, errors) -> None:
    rng = random.Random(seed)
    for question, option in steps:
        time.sleep(rng.uniform(0, think))
        start = time.perf_counter()
        try:
            store.answer(code, question, pid, option)
        except Exception as error:  # noqa: BLE001 - every failure is counted and reported
            errors.append(f"{pid[:6]} {question}: {type(error).__name__}: {error}")
        latencies.append(time.perf_counter() - start)


def replica(path, code, plan: Plan, think, seed, barrier, results) -> None:
    """One replica: a RoomStore on ``path`` and a thread per participant of ``plan``."""
    latencies: list[float] = []
    errors: list[str] = []
    try:
        store = RoomStore(path)
        threads = [threading.Thread(target=_participant, daemon=True,
                                    args=(store, code, pid, steps, think, seed + k, latencies,
                                          errors))
                   for k, (pid, steps) in enumerate(plan.items())]
        barrier.wait(timeout=60)  # all replicas start answering together
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 60 + len(next(iter(plan.values()), [])) * think
        for thread in threads:
            thread.join(timeout=max(0.0, deadline - time.monotonic()))
        errors += [f"participant {t.name} did not finish" for t in threads if t.is_alive()]
    except Exception as error:  # noqa: BLE001
        errors.append(f"replica: {type(error).__name__}: {error}")
    results.put((latencies, errors))


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (0 < q <= 100) of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(len(ordered) * q / 100) - 1)]


def run(participants=30, questions=10, replicas=2, changes=2, think=0.05, seed=0,
        path=None, timeout=120.0) -> dict:
    """Run the load test; return errors, latencies and whether the final state is exact."""
    if participants > MAX_ANSWERS_PER_QUESTION or participants * questions > MAX_ANSWERS_PER_ROOM:
        raise ValueError("more answers than a room holds (ui/room_store.py caps)")
    if not 0 <= changes <= questions or replicas < 1:
        raise ValueError("need 0 <= changes <= questions and replicas >= 1")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(path) if path is not None else Path(tmp) / "rooms.sqlite3"
        store = RoomStore(path)
        code = store.create_room().code
        plan = make_plan(participants, questions, changes, seed)
        ctx = multiprocessing.get_context("spawn")
        barrier, results = ctx.Barrier(replicas), ctx.Queue()
        pids = list(plan)
        processes = [ctx.Process(target=replica, daemon=True, args=(
            path, code, {p: plan[p] for p in pids[r::replicas]}, think, seed * 1000 + r * 100,
            barrier, results)) for r in range(replicas)]
        start = time.perf_counter()
        for process in processes:
            process.start()
        latencies: list[float] = []
        errors: list[str] = []
        for _ in processes:
            try:
                part_latencies, part_errors = results.get(timeout=timeout)
            except Exception:  # noqa: BLE001 - queue.Empty: a replica died or hung
                errors.append("a replica sent no results")
                break
            latencies += part_latencies
            errors += part_errors
        wall = time.perf_counter() - start
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
        ids = question_ids(questions)
        mine = {(p, q): store.my_answer(code, q, p) for p in plan for q in ids}
        report = {
            "code": code, "errors": errors, "calls": len(latencies), "wall": wall,
            "p50": percentile(latencies, 50) if latencies else float("nan"),
            "p95": percentile(latencies, 95) if latencies else float("nan"),
            "max": max(latencies, default=float("nan")),
            "counts_exact": store.counts(code, ids) == expected_counts(plan, ids),
            "participants_exact": store.participants(code) == participants,
            "answers_exact": mine == final_answers(plan),
        }
        store.close()
    report["ok"] = not errors and all(report[k] for k in
                                      ("counts_exact", "participants_exact", "answers_exact"))
    return report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--changes", type=int, default=2, help="answers each one changes")
    parser.add_argument("--think", type=float, default=0.05, help="max pause per call, s")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--db", help="SQLite file to use (default: a temporary one)")
    args = parser.parse_args(argv)
    print(f"room poll load: {args.participants} participants x {args.questions} questions "
          f"(+{args.changes} changed each), {args.replicas} replicas, think 0-"
          f"{args.think * 1e3:.0f} ms")
    report = run(args.participants, args.questions, args.replicas, args.changes, args.think,
                 args.seed, args.db)
    for error in report["errors"][:20]:
        print("  error:", error)
    print(f"answer calls: {report['calls']}, errors: {len(report['errors'])}, "
          f"wall {report['wall']:.2f} s")
    print(f"latency of one answer: p50 {report['p50'] * 1e3:.2f} ms, "
          f"p95 {report['p95'] * 1e3:.2f} ms, max {report['max'] * 1e3:.2f} ms")
    print(f"final counts exact: {report['counts_exact']}, participants exact: "
          f"{report['participants_exact']}, every last answer kept: {report['answers_exact']}")
    print("OK" if report["ok"] else "FAILED")
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
