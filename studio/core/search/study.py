"""Hyperparameter search: an Optuna study whose trials are real runs of the project.

Each trial takes its settings from the sampler (TPE, Bergstra et al. 2011, seeded; or
random) over the :class:`~studio.core.search.space.ParamSpec` list, refuses settings its
model cannot work with before training (recorded as *invalid*, pruned, not failed), then
trains through :func:`~studio.core.training.run.execute_run` into
``<project>/runs/<id>`` on the same data and split as any run, reporting the validation
accuracy after each epoch. The pruner (median by default, or Hyperband, Li et al. 2018)
stops a hopeless trial there: its run ends with status ``stopped`` and keeps its curve.
A trial's value is its run's best validation accuracy.

The study lives in SQLite at ``<project>/search/<name>.db`` (Optuna's RDB storage,
Akiba et al. 2019). Running the same search again continues it: a trial that a killed
studio left running, or that a stop interrupted, is marked *interrupted* and its settings
are tried again first; the trial budget counts finished trials across sessions.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Literal

import optuna
from optuna.trial import FrozenTrial, TrialState
from pydantic import BaseModel, ConfigDict, Field

from studio.core.data.dataset import read_tables
from studio.core.data.reader import Table
from studio.core.errors import Cancelled, ConfigError, StudioError
from studio.core.messages import Message, message
from studio.core.project_runs import place_new_run
from studio.core.report import Reporter
from studio.core.search import MIN_FOR_IMPORTANCE
from studio.core.search.space import ParamSpec, apply
from studio.core.settings import Settings
from studio.core.training.events import EpochEnd
from studio.core.training.run import execute_run

SEARCH_FOLDER = "search"
STUDY_NAME = "studio"  # one study per file: the file's name is the search's
NAME_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")
OBJECTIVE = "val_accuracy"
MAX_INVALID = 200  # settings in a row that cannot work before a search gives up

optuna.logging.disable_default_handler()  # trials are reported as events, in the user's language


class SearchConfig(BaseModel):
    """What to search and for how long. ``trials``: finished trials in all (a continued
    search counts the earlier ones); ``timeout_s``: wall seconds for this session."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field("search", title="Name", description="The study's file: search/<name>.db in the project.")
    space: list[ParamSpec] = Field(default_factory=list)
    trials: int | None = Field(20, ge=1, le=100_000, title="Trials")
    timeout_s: float | None = Field(None, gt=0.0, title="Time limit (s)")
    sampler: Literal["tpe", "random"] = Field("tpe", title="Sampler")
    pruner: Literal["median", "hyperband", "none"] = Field("median", title="Pruner")
    seed: int = Field(42, ge=0, title="Seed",
                      description="Seeds the sampler; each trial's run keeps the training seed.")

    def check(self) -> None:
        """Raises:
            ConfigError: a name that cannot be a file name, no setting to search, no budget."""
        if not NAME_PATTERN.fullmatch(self.name):
            raise ConfigError("search.bad_name", name=self.name)
        if not self.space:
            raise ConfigError("search.empty_space")
        if self.trials is None and self.timeout_s is None:
            raise ConfigError("search.no_budget")


TrialStateName = Literal["complete", "pruned", "invalid", "failed", "interrupted", "running", "waiting"]


@dataclass(frozen=True)
class TrialRecord:
    """One trial as the Search view and the CLI show it. ``curve``: validation accuracy
    after each epoch; ``pruned_at``: the epoch a pruned trial stopped after; ``reason``:
    why a trial has no value; ``seconds``: wall time, for a finished trial."""

    number: int
    state: TrialStateName
    value: float | None
    params: dict[str, Any]
    run_id: str | None = None
    curve: tuple[float, ...] = ()
    pruned_at: int | None = None
    reason: Message | None = None
    seconds: float | None = None


@dataclass(frozen=True)
class TrialStarted:
    kind: ClassVar[str] = "trial_started"
    number: int
    params: dict[str, Any]
    run_id: str


@dataclass(frozen=True)
class TrialEvent:
    """An event of a trial's run (its :mod:`~studio.core.training.events`, stages, notices)."""

    kind: ClassVar[str] = "trial_event"
    number: int
    event: Any


@dataclass(frozen=True)
class TrialEnded:
    kind: ClassVar[str] = "trial_ended"
    record: TrialRecord


@dataclass
class SearchResult:
    """Every trial of the study, oldest first, and the best finished one (None before any)."""

    records: list[TrialRecord] = field(default_factory=list)

    @property
    def best(self) -> TrialRecord | None:
        complete = [r for r in self.records if r.state == "complete" and r.value is not None]
        return max(complete, key=lambda r: (r.value, -r.number), default=None)


def study_file(project_dir: str | os.PathLike, name: str) -> Path:
    """``<project>/search/<name>.db``. Raises ConfigError for a name that is not a plain file name."""
    if not NAME_PATTERN.fullmatch(name):
        raise ConfigError("search.bad_name", name=name)
    return Path(project_dir) / SEARCH_FOLDER / f"{name}.db"


def open_study(path: Path, search: SearchConfig | None = None, model_type: str | None = None) -> optuna.Study:
    """The study in ``path``, created when absent (``search`` then gives its sampler and
    pruner; reading alone, a seeded TPE and no pruner).

    Raises:
        ConfigError: the file holds a search of another model (``search.other_model``) or
            is not a study (``search.unreadable``).
    """
    search = search or SearchConfig(pruner="none")
    try:
        study = optuna.create_study(storage=f"sqlite:///{path.resolve().as_posix()}", study_name=STUDY_NAME,
                                    direction="maximize", load_if_exists=True, sampler=_sampler(search),
                                    pruner=_pruner(search))
    except Exception as exc:  # sqlite3/SQLAlchemy/alembic errors of a file that is not a study
        raise ConfigError("search.unreadable", file=path, reason=str(exc).splitlines()[0][:200]) from exc
    found = study.user_attrs.get("model")
    if model_type is not None:
        if found is None:
            study.set_user_attr("model", model_type)
            study.set_user_attr("space", [spec.model_dump() for spec in search.space])
        elif found != model_type:
            raise ConfigError("search.other_model", file=path, found=found, model=model_type)
    return study


def run_search(settings: Settings, search: SearchConfig, project_dir: str | os.PathLike,
               tables: dict[str, Table] | None = None, report: Reporter | None = None,
               epochs: int | None = None) -> SearchResult:
    """Run (or continue) the search ``search`` over ``settings`` in the project folder
    ``project_dir``; ``epochs`` per trial (default: ``settings.training.epochs``).

    ``report`` gets :class:`TrialStarted`, each trial's events as :class:`TrialEvent`, and
    :class:`TrialEnded`; stopping it interrupts the running trial (tried again when the
    search continues) and ends the search; pausing it pauses the trial.

    Raises:
        ConfigError: a bad search (:meth:`SearchConfig.check`) or study file.
        StudioError: a trial failed before any trial of the study had trained (unreadable
            data, say: nothing could work); the search stops there, the failure recorded.
    """
    search.check()
    report = report or Reporter()
    if epochs is not None:
        settings = settings.model_copy(update={"training": settings.training.model_copy(update={"epochs": epochs})})
    path = study_file(project_dir, search.name)
    path.parent.mkdir(parents=True, exist_ok=True)
    study = open_study(path, search, settings.model.type)
    _retry_interrupted(study)
    if search.trials is not None and _counted(study) >= search.trials:
        return SearchResult(trial_records(study))
    tables = read_tables(settings.dataset, tables)  # once, not once per trial
    objective = _Objective(settings, search, Path(project_dir), tables, report, study)
    try:
        study.optimize(objective, timeout=search.timeout_s, catch=(StudioError,),
                       callbacks=[_Budget(search, report)], gc_after_trial=False, show_progress_bar=False)
    except Cancelled:
        pass  # the stop interrupted a trial: recorded, retried when the search continues
    if objective.hopeless is not None:
        raise objective.hopeless
    return SearchResult(trial_records(study))


def trial_records(study: optuna.Study) -> list[TrialRecord]:
    return [_record(trial) for trial in study.get_trials(deepcopy=False)]


def importances(study: optuna.Study) -> dict[str, float]:
    """How much each searched setting explains of the value (PED-ANOVA, Watanabe et al. 2023:
    Optuna's default evaluator), over the finished trials, summing to 1; empty until :data:`MIN_FOR_IMPORTANCE`
    have finished."""
    if sum(1 for t in study.get_trials(deepcopy=False, states=(TrialState.COMPLETE,))) < MIN_FOR_IMPORTANCE:
        return {}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Optuna warns, then returns equal shares, on too few trials
            return dict(optuna.importance.get_param_importances(study))
    except (RuntimeError, ValueError, ZeroDivisionError):
        return {}


class _Objective:
    """One trial: settings from the sampler, checked, trained as a run of the project."""

    def __init__(self, settings: Settings, search: SearchConfig, project_dir: Path,
                 tables: dict[str, Table] | None, report: Reporter, study: optuna.Study):
        self.settings, self.search, self.project_dir = settings, search, project_dir
        self.tables, self.report, self.study = tables, report, study
        self.hopeless: StudioError | None = None  # a failure before anything trained: stop, and say why

    def __call__(self, trial: optuna.Trial) -> float:
        values = {spec.key: spec.suggest(trial) for spec in self.search.space}
        trial_settings, problems = self._settings(values)
        if problems:
            trial.set_user_attr("invalid", True)
            self._end(trial, message("search.trial_invalid", problems=problems))
            raise optuna.TrialPruned()
        run_dir = place_new_run(self.project_dir, trial_settings.model.type)
        trial.set_user_attr("run_id", run_dir.name)
        self.report.stage("stage.search_trial", number=trial.number)
        self.report.event(TrialStarted(trial.number, values, run_dir.name))
        curve: list[float] = []
        pruned: dict[str, Any] = {}

        def on_event(event: Any) -> None:
            self.report.event(TrialEvent(trial.number, event))
            if isinstance(event, EpochEnd) and OBJECTIVE in event.metrics and not pruned:
                curve.append(event.metrics[OBJECTIVE])
                trial.report(event.metrics[OBJECTIVE], event.epoch)
                if trial.should_prune():
                    pruned.update(epoch=event.epoch, value=f"{event.metrics[OBJECTIVE]:.4f}")
                    trial_report.stop()

        trial_report = self.report.child(on_event)
        try:
            execute_run(trial_settings, self.tables, trial_report, run_dir=run_dir)
        except Cancelled:
            if not self.report.stopped:
                raise
            return self._interrupted(trial)
        except StudioError as exc:
            trial.set_user_attr("error", exc.message.to_json())
            self._end(trial, message("search.trial_failed", error=exc.message))
            trained = [t for t in self.study.get_trials(deepcopy=False, states=(TrialState.COMPLETE, TrialState.PRUNED))
                       if not t.user_attrs.get("invalid")]
            if not trained:
                self.hopeless = exc
                self.study.stop()
            raise
        if self.report.stopped or not curve:  # stopped before the first validation: nothing to judge
            return self._interrupted(trial)
        if pruned:
            self._end(trial, message("search.trial_pruned", **pruned))
            raise optuna.TrialPruned()
        return max(curve)

    def _settings(self, values: dict[str, Any]) -> tuple[Settings | None, list[Message]]:
        try:
            trial_settings = apply(self.settings, values)
        except ConfigError as exc:
            return None, [exc.message]
        check = getattr(trial_settings.model, "problems", None)
        problems = list(check(trial_settings.text.max_len).values()) if check else []
        return trial_settings, problems

    def _interrupted(self, trial: optuna.Trial) -> float:
        trial.set_user_attr("interrupted", True)
        self.study.stop()
        raise Cancelled()

    @staticmethod
    def _end(trial: optuna.Trial, reason: Message | None) -> None:
        """Record why ``trial`` ends without a value (:class:`_Budget` reports it once stored)."""
        if reason is not None:
            trial.set_user_attr("reason", reason.to_json())


class _Budget:
    """An Optuna callback, run once each trial is stored: it reports the trial
    (:class:`TrialEnded`), and ends the search when ``report`` is stopped or the budget of
    trials is spent. Invalid settings cost no training, so they do not count, but a space
    where nearly nothing can work ends after :data:`MAX_INVALID` of them in a row."""

    def __init__(self, search: SearchConfig, report: Reporter):
        self.search, self.report, self.invalid_in_a_row = search, report, 0

    def __call__(self, study: optuna.Study, trial: FrozenTrial) -> None:
        self.report.event(TrialEnded(_record(trial)))
        invalid = trial.state == TrialState.PRUNED and trial.user_attrs.get("invalid")
        self.invalid_in_a_row = self.invalid_in_a_row + 1 if invalid else 0
        if (self.report.stopped or self.invalid_in_a_row >= MAX_INVALID
                or (self.search.trials is not None and _counted(study) >= self.search.trials)):
            study.stop()


def _record(trial: FrozenTrial) -> TrialRecord:
    """A trial as the study stored it."""
    attrs = trial.user_attrs
    state: TrialStateName = {
        TrialState.COMPLETE: "complete", TrialState.PRUNED: "pruned", TrialState.FAIL: "failed",
        TrialState.RUNNING: "running", TrialState.WAITING: "waiting"}[trial.state]
    if state == "pruned" and attrs.get("invalid"):
        state = "invalid"
    if state == "failed" and "error" not in attrs:
        state = "interrupted"  # stopped, or left running by a studio that was killed
    reason = Message.from_json(attrs["reason"]) if attrs.get("reason") else None
    if state == "interrupted":
        reason = message("search.trial_interrupted")
    curve = tuple(trial.intermediate_values[step] for step in sorted(trial.intermediate_values))
    seconds = None
    if trial.datetime_start and trial.datetime_complete:
        seconds = (trial.datetime_complete - trial.datetime_start).total_seconds()
    return TrialRecord(
        number=trial.number, state=state, value=trial.value,
        params=dict(trial.params), run_id=attrs.get("run_id"), curve=curve,
        pruned_at=max(trial.intermediate_values) if state == "pruned" and trial.intermediate_values else None,
        reason=reason, seconds=seconds)


def _counted(study: optuna.Study) -> int:
    """Trials that used up the budget: finished, pruned or failed; not interrupted or invalid."""
    return sum(1 for record in trial_records(study) if record.state in ("complete", "pruned", "failed"))


def _retry_interrupted(study: optuna.Study) -> None:
    """Mark the trials a killed studio left running as failed (interrupted), and queue the
    settings of every interrupted trial not yet tried again."""
    for trial in study.get_trials(deepcopy=False, states=(TrialState.RUNNING,)):
        study.tell(trial.number, state=TrialState.FAIL)
    retried: Sequence[int] = study.user_attrs.get("retried", [])
    again = [t for t in study.get_trials(deepcopy=False, states=(TrialState.FAIL,))
             if "error" not in t.user_attrs and t.number not in retried]
    for trial in again:
        study.enqueue_trial(trial.params, user_attrs={"retry_of": trial.number}, skip_if_exists=False)
    if again:
        study.set_user_attr("retried", [*retried, *(t.number for t in again)])


def _sampler(search: SearchConfig) -> optuna.samplers.BaseSampler:
    if search.sampler == "random":
        return optuna.samplers.RandomSampler(seed=search.seed)
    return optuna.samplers.TPESampler(seed=search.seed)


def _pruner(search: SearchConfig) -> optuna.pruners.BasePruner:
    if search.pruner == "hyperband":
        return optuna.pruners.HyperbandPruner(min_resource=1, reduction_factor=3)
    if search.pruner == "median":
        return optuna.pruners.MedianPruner(n_startup_trials=3, n_warmup_steps=0)
    return optuna.pruners.NopPruner()
