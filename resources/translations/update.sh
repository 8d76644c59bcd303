#!/usr/bin/env bash
# Refresh the translation sources from the code, then compile them for the app.
#   bash resources/translations/update.sh
# Edit studio_zh_CN.ts with Qt Linguist (pyside6-linguist) or any text editor between
# the two steps; tests/gui/test_translations.py fails while a text is untranslated or a
# .qm file is older than its .ts.
set -euo pipefail
cd "$(dirname "$0")/../.."
# the core's message catalogue is marked with QT_TRANSLATE_NOOP (context "Messages") for the GUI to word
sources=$(git ls-files 'studio/gui/*.py' 'studio/gui/**/*.py' 'studio/core/messages/*.py' | sort -u)
for lang in zh_CN en; do
  pyside6-lupdate -no-obsolete -locations none -source-language en -target-language "$lang" \
    $sources -ts "resources/translations/studio_${lang}.ts"
done
for ts in resources/translations/studio_*.ts; do
  pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
