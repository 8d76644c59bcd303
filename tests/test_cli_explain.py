"""``studio explain``: each token's attribution, for a single-text and a pair project, as
text and as JSON, and plain messages for what a user gets wrong."""

from __future__ import annotations

import json

from studio.cli import main
from tests.test_cli_batch import news, pairs  # noqa: F401 - module-scoped fixtures

TEXT = "詹姆斯砍下40分湖人险胜凯尔特人"


def explain(*argv: str) -> int:
    return main(["explain", *argv, "--allow-outside-files"])


def test_a_text_prints_every_token_and_the_ranking(news, capsys):  # noqa: F811
    assert explain(str(news["project"]), TEXT) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("class ") and "integrated gradients, convergence delta" in lines[0]
    assert lines[1].startswith("text: 詹(") and lines[1].count("(") == len(TEXT)
    assert lines[2].startswith("most toward the class: ") and lines[2].count(",") == 9
    assert explain(str(news["project"]), TEXT, "--json", "--target", "sports") == 0
    found = json.loads(capsys.readouterr().out)
    assert found["target"] == "sports" and [t for t, _ in found["tokens"]] == list(TEXT)
    assert found["pair_tokens"] is None and abs(found["delta"]) < 0.1


def test_a_pair_prints_both_sides(pairs, capsys):  # noqa: F811
    assert explain(str(pairs["project"]), "喜欢打篮球的男生", "爱打篮球的男生") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("text a: 喜(") and lines[2].startswith("text b: 爱(")
    assert "(a)" in lines[3] or "(b)" in lines[3]


def test_mistakes_are_plain_messages(news, pairs, capsys):  # noqa: F811
    assert explain(str(pairs["project"]), "只有一句") == 2
    assert "second text" in capsys.readouterr().err
    assert explain(str(news["project"]), "一", "二") == 2
    assert "single texts" in capsys.readouterr().err
    assert explain(str(news["project"]), TEXT, "--target", "weather") == 2
    err = capsys.readouterr().err
    assert "'weather'" in err and "sports" in err and "Traceback" not in err
