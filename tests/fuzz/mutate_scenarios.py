"""A mutation fuzzer for the scenario loader: copies a scenario, damages one of its files the way
a hand-edited or hostile file would be (bytes flipped, lines dropped, doubled or swapped, numbers
made extreme, strings made long or odd, tables emptied), and runs `kommunesim validate` on it, and
now and then `kommunesim run --replicates 2`. Every outcome must be a verdict: exit 0 (valid) or
exit 2 with a message naming a file in the scenario folder, within the time bound; never a crash, a
signal, another exit code or a hang. Deterministic for a seed; stops after --seconds.

    /usr/bin/python3 mutate_scenarios.py KOMMUNESIM SCENARIO [--seconds 60] [--seed 1] [--keep DIR]

A failing input is copied to --keep (default: kommunesim-fuzz-failure-SEED-CASE in the temporary
folder), its folder and the command's output are printed, and the script exits 1.
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

ODD_STRINGS = ["", " ", "\x00", "\u202e", "é" * 300, "x" * 100_000, "../../etc/passwd", "=1+1",
               "<!--<script>", "\"", "\\", "\n", "baseline", "nan", "inf", "-0"]
ODD_NUMBERS = ["0", "-1", "1e308", "-1e308", "nan", "inf", "-inf", "1e-320", "9223372036854775807",
               "-9223372036854775808", "0.5", "2", "100", "1_000", "0x10", "1e3"]


def mutate(text, rng):
    lines = text.split("\n")
    kind = rng.randrange(9)
    if kind == 0 and text:  # flip bytes
        data = bytearray(text.encode("utf-8", "surrogateescape"))
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return data.decode("utf-8", "surrogateescape")
    if kind == 1 and lines:  # drop lines
        for _ in range(rng.randint(1, 5)):
            if lines:
                del lines[rng.randrange(len(lines))]
    elif kind == 2 and lines:  # double a line
        i = rng.randrange(len(lines))
        lines.insert(i, lines[i])
    elif kind == 3 and len(lines) > 1:  # swap two lines
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == 4:  # a number made extreme
        spots = [m for m in re.finditer(r"(?<![\w.])-?\d+(\.\d+)?([eE]-?\d+)?", text)]
        if spots:
            m = rng.choice(spots)
            return text[:m.start()] + rng.choice(ODD_NUMBERS) + text[m.end():]
    elif kind == 5:  # a string made odd
        spots = [m for m in re.finditer(r'"([^"\n]*)"', text)]
        if spots:
            m = rng.choice(spots)
            odd = rng.choice(ODD_STRINGS).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            return text[:m.start(1)] + odd + text[m.end(1):]
    elif kind == 6 and lines:  # a line cut short
        i = rng.randrange(len(lines))
        lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
    elif kind == 7:  # a table header repeated or emptied
        headers = [i for i, l in enumerate(lines) if l.startswith("[")]
        if headers:
            i = rng.choice(headers)
            lines.insert(i, lines[i] if rng.random() < 0.5 else "[]")
    else:  # the file emptied or truncated
        return text[: rng.randrange(len(text) + 1)]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kommunesim")
    parser.add_argument("scenario")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", default=None)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    files = sorted(os.path.relpath(os.path.join(d, f), args.scenario)
                   for d, _, fs in os.walk(args.scenario) for f in fs if f.endswith(".toml"))
    work = tempfile.mkdtemp(prefix="kommunesim-fuzz-")
    started, cases, outcomes = time.monotonic(), 0, {}
    try:
        while time.monotonic() - started < args.seconds:
            cases += 1
            case = os.path.join(work, "scenario")
            shutil.rmtree(case, ignore_errors=True)
            shutil.copytree(args.scenario, case)
            damaged = []
            for _ in range(rng.randint(1, 3)):
                name = rng.choice(files)
                path = os.path.join(case, name)
                with open(path, encoding="utf-8", errors="surrogateescape") as f:
                    text = f.read()
                with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
                    f.write(mutate(text, rng))
                damaged.append(name)
            command = [args.kommunesim, "validate", case]
            if rng.random() < 0.1:
                command = [args.kommunesim, "run", case, "--replicates", "2", "--threads", "2",
                           "--out", os.path.join(work, "out")]
            try:
                done = subprocess.run(command, capture_output=True, timeout=60)
                code, output = done.returncode, (done.stdout + done.stderr).decode("utf-8", "replace")
            except subprocess.TimeoutExpired:
                code, output = "timeout", ""
            outcomes[code] = outcomes.get(code, 0) + 1
            problem = None
            if code not in (0, 2):
                problem = f"exit {code}"
            elif code == 2 and case + "/" not in output:
                problem = "a refusal that names no file of the scenario"
            if problem:
                keep = args.keep or os.path.join(tempfile.gettempdir(), f"kommunesim-fuzz-failure-{args.seed}-{cases}")
                shutil.rmtree(keep, ignore_errors=True)
                shutil.copytree(case, keep)
                print(f"case {cases} ({', '.join(damaged)}; {' '.join(command[1:2])}): {problem}; kept in {keep}")
                print(output[-2000:])
                return 1
        print(f"{cases} damaged scenarios in {time.monotonic() - started:.0f} s, every one a verdict: "
              + ", ".join(f"exit {k}: {v}" for k, v in sorted(outcomes.items(), key=str)))
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
