"""Datasets of labelled texts, and how they are cut from tables into splits."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from studio.core.data.reader import Table, column_name, guess_roles, is_number, read_class_names, read_table
from studio.core.errors import ConfigError, DataFormatError, StudioError
from studio.core.messages import Message, message


class DatasetConfig(BaseModel):
    """Which files hold the data, which columns play which role, and how to split.

    With only ``train`` given, it is split (stratified, seeded) into train /
    validation / test by ``val_fraction`` and ``test_fraction``. A ``validation`` or
    ``test`` file, when given, is used as it is instead of a split.
    """

    model_config = ConfigDict(extra="forbid")

    train: str | None = Field(None, title="Data file")
    validation: str | None = Field(None, title="Validation file")
    test: str | None = Field(None, title="Test file")
    class_names: str | None = Field(None, title="Class names file",
                                    description="One class name per line; line i names label id i.")
    text_column: int = Field(0, ge=0, title="Text column")
    text_pair_column: int | None = Field(None, ge=0, title="Second text column")
    label_column: int | None = Field(1, ge=0, title="Label column")
    has_header: bool | None = Field(None, title="Header row", description="None: detect.")
    delimiter: str | None = Field(None, title="Delimiter", description="None: detect.")
    encoding: str | None = Field(None, title="Encoding", description="None: detect.")
    val_fraction: float = Field(0.1, ge=0.0, le=0.5, title="Validation share")
    test_fraction: float = Field(0.1, ge=0.0, le=0.5, title="Test share")
    split_seed: int = Field(42, ge=0, title="Split seed")
    hashes: dict[str, str] = Field(default_factory=dict,
                                   description="SHA-256 of each file when it was chosen.")

    @property
    def task(self) -> str:
        """The project's task (see :data:`studio.core.models.registry.TASKS`): ``"pair"``
        (sentence-pair matching) when a second text column is set, else
        ``"classification"``. Derived from the columns, never stored, so a project saved
        before tasks existed opens as it was."""
        return "pair" if self.text_pair_column is not None else "classification"


@dataclass
class TextDataset:
    """Texts (optionally paired with a second text) and integer labels ``0..C-1``."""

    texts: list[str]
    labels: list[int]
    label_names: list[str]
    pairs: list[str] | None = None

    def __len__(self) -> int:
        return len(self.texts)

    def subset(self, indices) -> TextDataset:
        pick = lambda seq: [seq[i] for i in indices]  # noqa: E731
        return TextDataset(pick(self.texts), pick(self.labels), self.label_names,
                           pick(self.pairs) if self.pairs is not None else None)


@dataclass
class DatasetSplits:
    train: TextDataset
    validation: TextDataset
    test: TextDataset
    warnings: list[Message] = field(default_factory=list)  # rows skipped, and why

    @property
    def label_names(self) -> list[str]:
        return self.train.label_names


def column_values(table: Table, index: int | None, role: str) -> list[str] | None:
    """Column ``index`` of ``table`` (``None`` for no column).

    Raises:
        ConfigError: naming ``role`` when the column does not exist.
    """
    if index is None:
        return None
    if index >= table.num_columns:
        raise ConfigError("data.no_such_column", field=role, number=index + 1, file=table.path.name,
                          columns=table.num_columns)
    return table.columns[index]


def label_names_for(raw_labels: list[str], class_names: list[str] | None) -> list[str]:
    """The class names, in label-id order: from the class-names file, else the sorted
    distinct labels (numerically when they are all integers)."""
    if class_names:
        return list(class_names)
    distinct = set(raw_labels)
    if all(is_number(v) for v in distinct):
        return sorted(distinct, key=float)
    return sorted(distinct)


def label_lookup(names: list[str], class_file: bool):
    """A function ``raw label -> class id`` (or ``None`` when unknown): a class name maps
    to its position; with a class-names file an integer id maps to itself."""
    index = {name: i for i, name in enumerate(names)}

    def lookup(value: str) -> int | None:
        label = index.get(value)
        if label is None and class_file and _is_class_id(value) and int(value) < len(names):
            label = int(value)
        return label

    return lookup


def _label_ids(table: Table, raw: list[str], names: list[str], class_file: bool) -> list[int]:
    lookup = label_lookup(names, class_file)
    ids = []
    for row, value in enumerate(raw):
        label = lookup(value)
        if label is None:
            file, line = table.path.name, table.line_numbers[row]
            if not value:
                raise DataFormatError("data.blank_label", file=file, line=line)
            raise DataFormatError("data.unknown_label", file=file, line=line, label=value, count=len(names),
                                  classes=", ".join(names[:10]) + ("..." if len(names) > 10 else ""))
        ids.append(label)
    return ids


def dataset_from_table(table: Table, config: DatasetConfig, names: list[str], class_file: bool,
                       skip: Collection[int] = ()) -> TextDataset:
    """The labelled examples of ``table``, leaving out the row indices in ``skip``.

    Raises:
        ConfigError: no label column, or a column that does not exist.
        DataFormatError: a label is blank or not one of ``names`` (naming file and line).
    """
    texts = column_values(table, config.text_column, "text_column")
    pairs = column_values(table, config.text_pair_column, "text_pair_column")
    raw = column_values(table, config.label_column, "label_column")
    if raw is None:
        raise ConfigError("data.choose_label_column")
    if skip:
        skip = set(skip)
        keep = [i for i in range(len(raw)) if i not in skip]
        texts, raw = [texts[i] for i in keep], [raw[i] for i in keep]
        pairs = [pairs[i] for i in keep] if pairs is not None else None
        table = _with_line_numbers(table, [table.line_numbers[i] for i in keep])
    return TextDataset(texts, _label_ids(table, raw, names, class_file), names, pairs)


def _with_line_numbers(table: Table, line_numbers: list[int]) -> Table:
    """A view of ``table`` for error messages only: its path and the kept rows' lines."""
    return Table(table.path, table.names, [], line_numbers, table.encoding, table.delimiter,
                 table.has_header)


# share of blank labels skipped with a warning; more means the wrong column or an
# unlabelled file, which the user should hear about rather than train on a remnant
_MAX_BLANK_LABEL_SHARE = 0.01


def _column_title(table: Table, index: int) -> Message:
    """``column 2 ('label')``; ``column 2`` when the column has no name of its own."""
    name = table.names[index] if index < len(table.names) else ""
    if not name or isinstance(name, Message):
        return column_name(index)
    return message("data.column_named", number=index + 1, name=name)


def blank_label_rows(table: Table, config: DatasetConfig) -> tuple[list[int], Message | None]:
    """Row indices of ``table`` whose label is blank, and a warning naming their lines.

    A few (at most 1 % of the rows) are skipped with the warning; more are refused.

    Raises:
        DataFormatError: too many blank labels (naming the file, column and lines).
    """
    raw = column_values(table, config.label_column, "label_column") or []
    blank = [i for i, value in enumerate(raw) if not value]
    if not blank:
        return [], None
    lines = ", ".join(str(table.line_numbers[i]) for i in blank[:10])
    more = "..." if len(blank) > 10 else ""
    column = _column_title(table, config.label_column)
    if len(blank) > max(1, _MAX_BLANK_LABEL_SHARE * len(raw)):
        raise DataFormatError("data.too_many_blank_labels", file=table.path.name, blank=len(blank),
                              rows=len(raw), column=column, lines=lines + more)
    return blank, message("data.skipped_blank_labels", file=table.path.name, count=len(blank), column=column,
                          lines=lines + more)


def _one_class_error(table: Table, config: DatasetConfig, names: list[str]) -> StudioError:
    """The refusal for labels with fewer than two classes, naming file and column."""
    rows = table.num_rows
    if config.label_column is None:
        constant = [c for c in range(table.num_columns)
                    if c not in (config.text_column, config.text_pair_column)
                    and len(set(table.columns[c])) == 1]
        if not constant:
            return ConfigError("data.no_label_column", file=table.path.name)
        column, value = _column_title(table, constant[0]), table.columns[constant[0]][0]
    else:
        column = _column_title(table, config.label_column)
        value = names[0] if names else None
    if value is None:
        return DataFormatError("data.all_labels_blank", file=table.path.name, column=column)
    return DataFormatError("data.one_class", file=table.path.name, column=column, value=value, rows=rows)


def _split(data: TextDataset, size: int, seed: int) -> tuple[TextDataset, TextDataset]:
    """Hold out ``size`` examples, stratified by label when every class allows it."""
    from sklearn.model_selection import train_test_split  # loaded at first use (start-up does without it)

    if size <= 0:
        return data, data.subset([])
    indices = list(range(len(data)))
    try:
        keep, held = train_test_split(indices, test_size=size, random_state=seed,
                                      stratify=data.labels)
    except ValueError:  # a class too rare to stratify: fall back to a plain seeded split
        keep, held = train_test_split(indices, test_size=size, random_state=seed)
    return data.subset(keep), data.subset(held)


def read_tables(config: DatasetConfig, tables: dict[str, Table] | None = None) -> dict[str, Table]:
    """``tables`` (keyed by path) with every file ``config`` names (train, validation, test)
    read once, as :func:`load_splits` reads them: for callers that split the same files many
    times (a hyperparameter search's trials).

    Raises:
        DataFormatError: a file cannot be read.
    """
    tables = dict(tables or {})
    for path in (config.train, config.validation, config.test):
        if path and path not in tables:
            tables[path] = read_table(path, config.delimiter, config.has_header, config.encoding)
    return tables


def load_splits(config: DatasetConfig, tables: dict[str, Table] | None = None) -> DatasetSplits:
    """Build train / validation / test datasets from the files ``config`` names.

    Args:
        config: the files, column roles and split settings.
        tables: tables already read, keyed by path, to avoid reading a file twice.

    Raises:
        ConfigError: no training file, or a column that does not exist.
        DataFormatError: a file cannot be read; a label is not a known class; the labels
            hold fewer than two classes (naming the file and column); more than 1 % of
            a file's labels are blank (a few are skipped, listed in ``warnings``).
    """
    if not config.train:
        raise ConfigError("data.no_train_file")
    tables = read_tables(config, tables)
    files = {role: getattr(config, role) for role in ("train", "validation", "test")}
    loaded = {role: tables[path] for role, path in files.items() if path}
    class_names = read_class_names(config.class_names) if config.class_names else None
    raw, skips, warnings, train_classes = [], {}, [], set()
    for role, t in loaded.items():
        column = column_values(t, config.label_column, "label_column") or []
        skips[role], warning = blank_label_rows(t, config) if column else ([], None)
        if warning:
            warnings.append(warning)
        skipped = set(skips[role])
        labels = [v for i, v in enumerate(column) if i not in skipped]
        raw.extend(labels)
        if role == "train":
            train_classes = set(labels)
    names = label_names_for(raw, class_names)
    # a class-names file lists classes the data may never use: count the train labels too
    if len(names) < 2 or len(train_classes) < 2:
        raise _one_class_error(loaded["train"], config, sorted(train_classes) or names)
    datasets = {role: dataset_from_table(t, config, names, bool(class_names), skips[role])
                for role, t in loaded.items()}
    train, seed, total = datasets["train"], config.split_seed, len(datasets["train"])
    test_size = 0 if "test" in datasets else round(total * config.test_fraction)
    val_size = 0 if "validation" in datasets else round(total * config.val_fraction)
    if total - test_size - val_size < max(2, len(names)):
        raise ConfigError("data.too_few_to_train", file=Path(config.train).name, rows=total,
                          validation=val_size, test=test_size)
    test = datasets.get("test")
    if test is None:
        train, test = _split(train, test_size, seed)
    validation = datasets.get("validation")
    if validation is None:
        train, validation = _split(train, val_size, seed)
    return DatasetSplits(train, validation, test, warnings)


CLASS_FILE_NAMES = ("class.txt", "classes.txt", "class_names.txt", "labels.txt")


def _is_class_id(value: str) -> bool:
    """ASCII digits only: ``str.isdigit`` also accepts ``¹`` and ``²``, which ``int`` refuses."""
    return value.isascii() and value.isdigit()


def find_class_names_file(data_file: str | Path, raw_labels: list[str]) -> Path | None:
    """A class-names file beside ``data_file`` that fits integer labels, or ``None``.

    It fits when every label is an integer id smaller than the number of names, as
    THUCNews' ``class.txt`` beside ``train.txt``.
    """
    distinct = set(raw_labels)
    if not distinct or not all(_is_class_id(v) for v in distinct):
        return None
    for name in CLASS_FILE_NAMES:
        candidate = Path(data_file).with_name(name)
        if candidate.is_file() and candidate.resolve() != Path(data_file).resolve():
            try:
                names = read_class_names(candidate)
            except DataFormatError:
                continue
            if max(map(int, distinct)) < len(names):
                return candidate
    return None


def propose_config(path: str | Path, table: Table) -> DatasetConfig:
    """Dataset settings for a freshly read file: guessed column roles, the class-names file
    beside it when one fits, the detected header, and default split shares."""
    roles = guess_roles(table)
    class_file = None
    if roles.label is not None:
        class_file = find_class_names_file(path, table.columns[roles.label])
    return DatasetConfig(
        train=str(path), text_column=roles.text, text_pair_column=roles.text_pair,
        label_column=roles.label, class_names=str(class_file) if class_file else None,
        has_header=table.has_header, delimiter=table.delimiter, encoding=table.encoding,
    )
