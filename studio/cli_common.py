"""Pieces the headless commands share: column options, --set pairs, data -> settings."""

from __future__ import annotations

import argparse
import json


def column(value: str | None, names: list[str], option: str) -> int | None:
    """A column given as a 1-based number or a header name -> 0-based index."""
    from studio.core.errors import ConfigError

    if value is None:
        return None
    if value.isdigit():
        index = int(value) - 1
        if 0 <= index < len(names):
            return index
    elif value in names:
        return names.index(value)
    raise ConfigError("cli.no_column", option=option, value=repr(value), columns=", ".join(map(str, names)))


def parse_set(pairs: list[str]) -> dict:
    from studio.core.errors import ConfigError

    overrides = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep:
            raise ConfigError("cli.bad_set", pair=repr(pair))
        try:
            overrides[key.strip()] = json.loads(raw)
        except json.JSONDecodeError:
            overrides[key.strip()] = raw
    return overrides


def add_tokenizer_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--text-column", help="text column, 1-based number or header name (default: guessed)")
    parser.add_argument("--tokenizer", choices=["char", "jieba", "whitespace"], default="char",
                        help="char: one token per character; jieba: Chinese words; whitespace (default char)")
    parser.add_argument("--user-dict", help="jieba user dictionary file")
    parser.add_argument("--stopwords", help="stopword file, one word per line")


def data_settings(args, sections: dict | None = None):
    """Read ``args.data`` and build :class:`Settings` from the data and text options.

    Column roles not given are guessed (``propose_config``). Options a command does not
    have (``studio vectors`` has no ``--validation`` or ``--max-len``, say) keep the
    settings' defaults. ``sections`` adds the ``model`` and ``training`` groups.

    Returns:
        The table read and the settings.

    Raises:
        StudioError: unreadable data, an unknown column, an invalid setting.
    """
    from studio.core.data.dataset import find_class_names_file, propose_config
    from studio.core.data.reader import read_table
    from studio.core.settings import Settings

    def given(*names: str) -> dict:
        return {name: getattr(args, name) for name in names if hasattr(args, name)}

    table = read_table(args.data)
    proposed = propose_config(args.data, table)
    text = column(args.text_column, table.names, "--text-column")
    label = column(getattr(args, "label_column", None), table.names, "--label-column")
    pair = column(getattr(args, "text_pair_column", None), table.names, "--text-pair-column")
    class_names = getattr(args, "class_names", None)
    if class_names is None and label is None:
        class_names = proposed.class_names
    elif class_names is None:
        found = find_class_names_file(args.data, table.columns[label])
        class_names = str(found) if found else None
    settings = Settings.from_dict({
        "dataset": {
            **proposed.model_dump(),
            **given("validation", "test", "val_fraction", "test_fraction", "split_seed"),
            "class_names": class_names,
            "text_column": proposed.text_column if text is None else text,
            "text_pair_column": proposed.text_pair_column if (pair is None and text is None) else pair,
            "label_column": proposed.label_column if label is None else label,
        },
        "text": {"tokenizer": {"type": args.tokenizer, **given("user_dict", "stopwords")},
                 **given("max_len", "min_freq", "max_size")},
        **(sections or {}),
    })
    return table, settings


def describe_data(table, settings) -> str:
    """``data: FILE (rows, encoding); text column ..., label column ...`` for the log."""
    roles = settings.dataset
    names = [str(name) for name in table.names]  # a headerless file's names are messages ("column 2")
    label = names[roles.label_column] if roles.label_column is not None else "(none found)"
    return (f"data: {roles.train} ({table.num_rows} rows, {table.encoding}); text column "
            f"{names[roles.text_column]!r}"
            + (f" + {names[roles.text_pair_column]!r}" if roles.text_pair_column is not None else "")
            + f", label column {label!r}"
            + (f", class names {roles.class_names}" if roles.class_names else ""))


ALLOW_HELP = ("read the files outside the project folder that it refers to (data, vectors, "
              "dictionaries), for a project not saved on this machine; without it such a "
              "project is refused and the files are listed")
