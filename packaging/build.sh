#!/usr/bin/env bash
# Build the one-folder app from this repository: packaging/dist/TextModelStudio/.
#
#     bash packaging/build.sh            # from anywhere; uses the `python` on PATH
#     PYTHON=python3.11 bash packaging/build.sh
#
# Installs the pinned build tools (packaging/requirements.txt, with the project's
# constraints.txt so torch and PySide6 keep their pinned versions), renders the icons
# when they are missing (make_icons.py), runs PyInstaller with
# packaging/studio.spec (work files in packaging/build) and prints the folder and its
# size. Then check it with: python packaging/smoke_test.py
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PYTHON="${PYTHON:-python}"
cd "$ROOT"

echo "== build tools (packaging/requirements.txt)"
"$PYTHON" -m pip install --quiet -c constraints.txt -r packaging/requirements.txt
# The studio's own dependencies must be importable by the same Python.
"$PYTHON" -c "import studio, torch, PySide6, jieba, gensim, sklearn, snownlp, pyqtgraph" || {
    echo "error: install the studio first: $PYTHON -m pip install -c constraints.txt -e ." >&2
    exit 1
}

echo "== icons"
if ! "$PYTHON" packaging/make_icons.py --check; then
    "$PYTHON" packaging/make_icons.py
fi

echo "== PyInstaller ($("$PYTHON" -m PyInstaller --version))"
start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath packaging/dist --workpath packaging/build packaging/studio.spec
end=$(date +%s)

OUT="packaging/dist/TextModelStudio"
echo "== built $ROOT/$OUT in $((end - start)) s"
du -sh "$OUT"
if [ -d packaging/dist/TextModelStudio.app ]; then
    du -sh packaging/dist/TextModelStudio.app
fi
echo "run it:   $OUT/TextModelStudio"
echo "check it: $PYTHON packaging/smoke_test.py"
