"""The GUI words what the core reports; it never recognises core text to translate it."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from studio.core.data.reader import read_table
from studio.core.errors import DataFormatError
from studio.core.messages import CATALOGUE, message
from studio.core.report import Notice, Stage
from studio.gui import i18n
from studio.gui.wording import device_text, error_text, event_text, word

ROOT = Path(__file__).resolve().parents[2]
CHINESE = re.compile(r"[\u4e00-\u9fff]")
NAMES = {"training.device_mps"}  # "Apple MPS" reads the same in Chinese


def _fragments(text: str, shortest: int = 25) -> list[str]:
    """The literal runs of a catalogue text between its placeholders, long enough to be a
    sentence of its own rather than a common phrase."""
    return [literal.strip() for literal, *_ in string.Formatter().parse(text) if len(literal.strip()) >= shortest]


def test_no_gui_code_contains_core_text_or_parses_text():
    sources = {path: path.read_text(encoding="utf-8") for path in (ROOT / "studio" / "gui").rglob("*.py")}
    matched = [f"{path.relative_to(ROOT)}: {fragment!r}" for code, text in CATALOGUE.items()
               for fragment in _fragments(text) for path, source in sources.items() if fragment in source]
    assert matched == [], "GUI code holds a core text: word the code through studio/gui/wording.py instead"
    parsing = [f"{path.relative_to(ROOT)}" for path, source in sources.items()
               if re.search(r"\bre\.(match|fullmatch|search|findall)\(|\bCORE_STATUS\b|removeprefix\(", source)]
    assert parsing == [], "GUI code parses text; the core reports codes and parameters"


@pytest.fixture
def chinese(qapp):
    i18n.apply_language("zh_CN")
    yield
    i18n.apply_language("en")


def test_a_data_error_from_a_real_file_reads_in_chinese(chinese, tmp_path):
    empty = tmp_path / "empty.tsv"
    empty.write_bytes(b"")
    with pytest.raises(DataFormatError) as caught:
        read_table(empty)
    english, chinese_text = str(caught.value), error_text(caught.value)
    assert CHINESE.search(chinese_text) and chinese_text != english
    assert str(empty.name) in chinese_text  # the parameters survive the translation


def test_stages_notices_nested_messages_and_devices_read_in_chinese(chinese):
    assert CHINESE.search(event_text(Stage(message("stage.training"))))
    warning = event_text(Notice(message("stage.tokenizing"), "warning"))
    assert warning.startswith("警告")
    nested = word(message("config.field", field="lr", problem=message("config.greater_than", limit=0)))
    assert nested.startswith("lr") and CHINESE.search(nested) and "0" in nested
    assert CHINESE.search(device_text("cpu", "", 2)) and "2" in device_text("cpu", "", 2)
    assert event_text(object()) is None


def test_the_training_device_names_bf16_in_chinese(chinese):
    from studio.core.training.events import RunStarted
    from studio.gui.tabs.training_tab import _device

    started = RunStarted("esim", "CPU (2 threads)", 10, 2, 1, 1, 100, "cpu", "", 2, "bf16")
    assert _device(started) == device_text("cpu", "", 2) + "，bf16 混合精度"
    fp32 = RunStarted("esim", "CPU (2 threads)", 10, 2, 1, 1, 100, "cpu", "", 2, "fp32")
    assert _device(fp32) == device_text("cpu", "", 2)


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_code_words_in_chinese_with_its_parameters(chinese, code):
    fields = list(string.Formatter().parse(CATALOGUE[code]))
    params = {name.split(".")[0].split("[")[0]: "x" for _, name, _, _ in fields if name}
    try:
        worded = word(message(code, **params))
    except (ValueError, TypeError):  # a numeric format spec
        worded = word(message(code, **{name: 7 for name in params}))
    words = "".join(literal for literal, *_ in fields)
    if re.search(r"[A-Za-z]{3}", words) and code not in NAMES:  # words of its own, not only "{field}: {problem}"
        assert CHINESE.search(worded) or worded != message(code, **params).english(), f"{code}: {worded!r}"
