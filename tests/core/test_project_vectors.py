"""Vectors trained in a project: written at once, used by a run, saved into the project."""

from __future__ import annotations

import json

import pytest

from studio.core.data.dataset import DatasetConfig
from studio.core.embeddings.project_vectors import (
    import_vectors,
    scratch_dir,
    train_project_vectors,
    vocabulary_coverage,
)
from studio.core.embeddings.vectors import load_vectors
from studio.core.embeddings.word2vec import Word2VecConfig
from studio.core.project import PROJECT_FILE, Project
from studio.core.report import Notice, Reporter, Stage
from studio.core.settings import Settings
from studio.core.text.config import TextConfig
from studio.core.training.config import TrainingConfig
from studio.core.training.run import execute_run
from tests.conftest import write_slice


@pytest.fixture
def word_settings(tmp_path, thucnews_dev, thucnews_classes) -> Settings:
    train = write_slice(thucnews_dev, tmp_path / "data" / "slice.tsv", 1500)
    return Settings(
        dataset=DatasetConfig(train=str(train), class_names=str(thucnews_classes)),
        text=TextConfig(tokenizer={"type": "jieba"}, max_len=16),
        model={"type": "textcnn", "embedding_dim": 20, "num_filters": 8},
        training=TrainingConfig(epochs=1, batch_size=64, device="cpu"),
    )


def test_trained_vectors_start_a_run_and_move_into_the_saved_project(tmp_path, word_settings):
    stages = []
    report = Reporter(on_event=lambda event: stages.append(event) if isinstance(event, Stage) else None)
    added = train_project_vectors(
        word_settings, None, Word2VecConfig(vector_size=20, epochs=2, min_count=1, workers=2), report)
    entry, vectors = added.entry, added.vectors
    assert entry.source == "trained" and (entry.dimension, entry.count) == (20, len(vectors))
    assert entry.tokenizer.type == "jieba" and entry.data == word_settings.dataset.train
    assert str(scratch_dir()) in entry.path and load_vectors(entry.path).vector_size == 20
    assert [stage.message.code for stage in stages] == ["vectors.stage_tokenizing", "vectors.stage_training"]
    assert str(stages[0].message) == "Tokenizing the training texts…"
    assert str(stages[1].message) == "Training word2vec on 1,200 texts…"  # the 80 % training split
    assert str(entry.describe()) == f"{len(vectors):,} words × 20 dimensions, trained on slice.tsv"

    coverage = vocabulary_coverage(word_settings, None, vectors)
    # min_count=1 on the same training split: every entry that fits max_len has a vector
    assert coverage.vocab_share > 0.95 and coverage.occurrence_share > 0.9

    settings = word_settings.model_copy(update={"model": {**word_settings.model_dump()["model"],
                                                          "pretrained_vectors": entry.path}})
    notices = []
    run = execute_run(settings, report=Reporter(
        on_event=lambda event: notices.append(event) if isinstance(event, Notice) else None))
    assert any("vocabulary entries have vectors" in str(notice.message) for notice in notices)

    project = Project(settings, name="Words")
    project.vectors.append(entry)
    project.runs.append(run)
    root = project.save(tmp_path / "Words")
    copied = root / "vectors" / f"{entry.name}.bin"
    assert copied.is_file()
    saved = json.loads((root / PROJECT_FILE).read_text(encoding="utf-8"))
    assert saved["vectors"][0]["path"] == f"vectors/{entry.name}.bin"
    assert saved["settings"]["model"]["pretrained_vectors"] == f"vectors/{entry.name}.bin"

    reopened = Project.open(root)
    assert reopened.warnings == []
    assert reopened.vectors[0].path == str(copied)
    assert reopened.settings.model_dump()["model"]["pretrained_vectors"] == str(copied)
    assert reopened.vectors[0].word2vec.vector_size == 20
    assert load_vectors(copied).index_to_key == vectors.index_to_key


def test_imported_vectors_stay_in_place_and_a_lost_file_is_a_warning(tmp_path, word_settings):
    from gensim.models import KeyedVectors

    kv = KeyedVectors(4)
    kv.add_vectors(["新闻", "股票"], [[1, 0, 0, 0], [0, 1, 0, 0]])
    outside = tmp_path / "elsewhere" / "news.vec"
    outside.parent.mkdir()
    kv.save_word2vec_format(str(outside))
    entry = import_vectors(outside).entry
    assert (entry.source, entry.count, entry.dimension, entry.name) == ("imported", 2, 4, "news.vec")
    assert str(entry.describe()) == "2 words × 4 dimensions, imported from news.vec"
    project = Project(word_settings)
    project.vectors.append(entry)
    root = project.save(tmp_path / "Imported")
    assert not (root / "vectors").exists()
    outside.unlink()
    warnings = Project.open(root).warnings
    assert any("news.vec" in str(w) and "missing" in str(w) for w in warnings)


def test_a_damaged_vector_list_names_the_entry(tmp_path, word_settings):
    root = Project(word_settings).save(tmp_path / "Bad")
    data = json.loads((root / PROJECT_FILE).read_text(encoding="utf-8"))
    data["vectors"] = [{"name": "x", "path": "vectors/x.bin", "source": "stolen", "dimension": 3, "count": 1}]
    (root / PROJECT_FILE).write_text(json.dumps(data), encoding="utf-8")
    from studio.core.errors import ProjectError

    with pytest.raises(ProjectError, match="vector set 1 is invalid"):
        Project.open(root)


def test_saving_moves_scratch_vectors_and_never_copies_other_files(tmp_path, word_settings):
    from studio.core.embeddings.project_vectors import VectorSet

    entry = train_project_vectors(word_settings, None, Word2VecConfig(vector_size=8, epochs=1,
                                                                       min_count=1, workers=1)).entry
    secret = tmp_path / "private" / "id_rsa"
    secret.parent.mkdir()
    secret.write_text("not for sharing", encoding="utf-8")
    planted = VectorSet(name="planted", path=str(secret), source="trained", dimension=8, count=1)
    gone = VectorSet(name="gone", path=str(scratch_dir() / "gone.bin"), source="trained", dimension=8, count=1)
    project = Project(word_settings)
    project.vectors = [entry, planted, gone]
    first = project.save(tmp_path / "First")
    assert not (scratch_dir() / f"{entry.name}.bin").exists()  # moved, not copied
    assert sorted(p.name for p in (first / "vectors").iterdir()) == [f"{entry.name}.bin"]
    assert any("id_rsa" in str(w) and "not copied" in str(w) for w in project.warnings)
    assert any("gone.bin" in str(w) and "missing" in str(w) for w in project.warnings)

    second = project.save(tmp_path / "Second")  # Save As copies from the first folder
    assert (second / "vectors" / f"{entry.name}.bin").is_file()
    assert (first / "vectors" / f"{entry.name}.bin").is_file()
    assert project.vectors[0].path == str(second / "vectors" / f"{entry.name}.bin")
