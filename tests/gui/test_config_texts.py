"""Config field texts: every shown title and description is marked for translation in
studio/gui/config_texts.py, and a config form shows them translated, live."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from studio.core.training.config import TrainingConfig
from studio.gui import config_texts
from studio.gui.config_texts import (
    FALLBACK_DESCRIPTIONS,
    FIELD_TEXTS,
    MODEL_TEXTS,
    description_of,
    shown_config_classes,
    shown_fields,
)
from studio.gui.widgets.config_form import ConfigForm

GUI = Path(config_texts.__file__).parent


def test_every_shown_field_title_and_description_is_marked_for_translation():
    marked = set(FIELD_TEXTS) | set(FALLBACK_DESCRIPTIONS.values())
    missing = [f"{cls.__name__}.{name}: {text!r}"
               for cls in shown_config_classes() for name, field in shown_fields(cls).items()
               for text in (field.title, description_of(name, field)) if text and text not in marked]
    assert not missing, ("add these to studio/gui/config_texts.py "
                         "(python -m studio.gui.config_texts --write):\n" + "\n".join(missing))


def test_every_shown_field_has_a_title_and_a_tooltip():
    bare = [f"{cls.__name__}.{name}" for cls in shown_config_classes()
            for name, field in shown_fields(cls).items() if not field.title or not description_of(name, field)]
    assert not bare, "give these a title and a description (or a FALLBACK_DESCRIPTIONS entry): " + ", ".join(bare)


def test_model_titles_and_descriptions_are_marked_for_translation():
    assert set(config_texts.model_texts()) <= set(MODEL_TEXTS)


def test_the_generated_block_is_up_to_date():
    source = Path(config_texts.__file__).read_text(encoding="utf-8")
    assert config_texts.generated_block() in source, "run: python -m studio.gui.config_texts --write"


def test_every_class_a_form_is_given_is_listed():
    """A new ``set_model(SomeConfig, ...)`` call must add SomeConfig to shown_config_classes()."""
    names = {cls.__name__ for cls in shown_config_classes()}
    given = set()
    for path in GUI.rglob("*.py"):
        given |= set(re.findall(r"\.set_model\(\s*([\w.]+)\s*,", path.read_text(encoding="utf-8")))
    given.discard("cls")
    given.discard("entry.config_cls")  # the Model tab: every registered model's config, all listed
    assert given and given <= names, given - names


def test_every_form_editor_has_a_tooltip(qtbot):
    for cls in shown_config_classes():
        form = ConfigForm(exclude=("type", "tokenizer"))
        qtbot.addWidget(form)
        form.set_model(cls, {name: field.get_default(call_default_factory=True)
                             for name, field in cls.model_fields.items()})
        assert all(editor.toolTip() for editor in form.editors.values()), cls.__name__


def _translator(tmp_path: Path, context: str, messages: dict[str, str]) -> QTranslator:
    lrelease = shutil.which("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not on PATH")
    body = "".join(f"<message><source>{escape(source)}</source><translation>{escape(text)}</translation>"
                   f"</message>" for source, text in messages.items())
    ts = tmp_path / "zh_CN.ts"
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">'
                  f"<context><name>{context}</name>{body}</context></TS>", encoding="utf-8")
    qm = tmp_path / "zh_CN.qm"
    subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    return translator


def test_a_config_row_is_shown_in_chinese_and_back_in_english(qtbot, tmp_path):
    title = TrainingConfig.model_fields["batch_size"].title
    description = TrainingConfig.model_fields["batch_size"].description
    translator = _translator(tmp_path, "ConfigField", {title: "批大小", description: "每一步的样本数。"})
    form = ConfigForm()
    qtbot.addWidget(form)
    form.set_model(TrainingConfig, TrainingConfig())
    assert form.row_labels["batch_size"].text() == "Batch size"

    app = QCoreApplication.instance()
    app.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: form.row_labels["batch_size"].text() == "批大小 (batch_size)", timeout=5000)
        assert form.editors["batch_size"].toolTip() == "每一步的样本数。"
        assert form.row_labels["epochs"].text() == "Epochs"  # untranslated: the title alone
        form.set_model(TrainingConfig, TrainingConfig(batch_size=8))  # a rebuilt form is translated too
        assert form.row_labels["batch_size"].text() == "批大小 (batch_size)"
    finally:
        app.removeTranslator(translator)
    qtbot.waitUntil(lambda: form.row_labels["batch_size"].text() == "Batch size", timeout=5000)
    assert form.editors["batch_size"].toolTip() == description
    assert form.value().batch_size == 8
