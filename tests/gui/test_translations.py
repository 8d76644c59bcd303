"""The shipped translations: complete, in step with the code, compiled from their sources."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from studio.core.messages import CATALOGUE, CONTEXT
from studio.gui.resources import translations_dir

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("zh_CN", "en")
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n")


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(ctx.findtext("name"), msg.findtext("source")): msg
            for ctx in root.iter("context") for msg in ctx.iter("message")}


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} (installed with PySide6) is not on PATH")
    return path


def test_every_text_in_the_code_is_in_the_translation_sources(tmp_path):
    """Fails when code gains a text that resources/translations/update.sh has not
    extracted (run it, then translate the new texts)."""
    sources = sorted(str(p) for folder in ("studio/gui", "studio/core/messages")
                     for p in (ROOT / folder).rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    shutil.copy(translations_dir() / "studio_zh_CN.ts", fresh)
    subprocess.run([_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts", str(fresh)],
                   check=True, capture_output=True)
    committed = set(_messages(translations_dir() / "studio_zh_CN.ts"))
    extracted = set(_messages(fresh))
    assert sorted(extracted - committed) == [], "texts in the code missing from studio_zh_CN.ts"
    assert sorted(committed - extracted) == [], "texts in studio_zh_CN.ts no longer in the code"


def test_the_chinese_translation_is_complete_and_keeps_placeholders():
    messages = _messages(translations_dir() / "studio_zh_CN.ts")
    assert len(messages) > 300
    unfinished, broken = [], []
    for (context, source), message in messages.items():
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if translation.get("type") == "unfinished" or not all(f.strip() for f in forms):
            unfinished.append(f"{context}: {source}")
            continue
        for form in forms:
            if sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(source)):
                broken.append(f"{context}: {source!r} -> {form!r}")
            if re.search(r"&\w", source) and "&" not in form:
                broken.append(f"{context}: {source!r} lost its keyboard accelerator in {form!r}")
    assert unfinished == [], "untranslated texts"
    assert broken == []


def test_every_message_code_of_the_core_has_a_chinese_translation():
    """The core reports codes; each catalogue text must be translated (context "Messages")."""
    messages = _messages(translations_dir() / "studio_zh_CN.ts")
    missing = [code for code, text in CATALOGUE.items()
               if (CONTEXT, text) not in messages
               or messages[(CONTEXT, text)].find("translation").get("type") == "unfinished"]
    assert missing == [], "message codes without a Chinese translation (run update.sh and translate)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_translations_match_their_sources(language, tmp_path):
    """The shipped .qm is what lrelease makes of the .ts (run update.sh after editing)."""
    ts = translations_dir() / f"studio_{language}.ts"
    qm = tmp_path / f"studio_{language}.qm"
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    assert qm.read_bytes() == (translations_dir() / qm.name).read_bytes()
    assert QTranslator().load(str(translations_dir() / qm.name))


def test_plurals_read_right_in_both_languages(qapp):
    from PySide6.QtCore import QCoreApplication

    from studio.gui import i18n

    def older(count: int) -> str:
        return QCoreApplication.translate("Autosaver", "%n older autosave(s) will be offered next time.", "", count)

    try:
        i18n.apply_language("en")
        assert older(1) == "1 older autosave will be offered next time."
        assert older(3) == "3 older autosaves will be offered next time."
        i18n.apply_language("zh_CN")
        assert older(3) == "下次还会提供 3 份更早的自动保存。"
    finally:
        i18n.apply_language("en")
