"""Messages of training: stages of a run, notices, devices, run folders and their
checkpoints, evaluation, and the headless commands' own errors."""

from studio.core.messages.marker import QT_TRANSLATE_NOOP

MESSAGES = {
    "cancelled": QT_TRANSLATE_NOOP("Messages", "Stopped."),
    # ----- stages of a long job ----------------------------------------------------------
    "stage.reading_data": QT_TRANSLATE_NOOP("Messages", "Reading data…"),
    "stage.tokenizing": QT_TRANSLATE_NOOP("Messages", "Tokenizing…"),
    "stage.reading_vectors": QT_TRANSLATE_NOOP("Messages", "Reading word vectors…"),
    "stage.training": QT_TRANSLATE_NOOP("Messages", "Training…"),
    "stage.resuming": QT_TRANSLATE_NOOP("Messages", "Resuming training…"),
    "stage.evaluating": QT_TRANSLATE_NOOP("Messages", "Evaluating…"),
    # ----- notices -------------------------------------------------------------------------
    "training.pretrained_coverage": QT_TRANSLATE_NOOP("Messages", "Pretrained vectors: {coverage}"),
    # ----- devices ---------------------------------------------------------------------------
    "training.device_cuda": QT_TRANSLATE_NOOP("Messages", "CUDA: {name}"),
    "training.device_mps": QT_TRANSLATE_NOOP("Messages", "Apple MPS"),
    "training.device_cpu": QT_TRANSLATE_NOOP("Messages", "CPU ({threads} threads)"),
    "training.device_cpu_one_thread": QT_TRANSLATE_NOOP("Messages", "CPU (1 thread)"),
    "training.device_unavailable": QT_TRANSLATE_NOOP(
        "Messages", "device: {device} is not available on this machine (available: {available}). "
                    "Choose 'auto' or 'cpu'."),
    # ----- out of memory: {accelerator} is CUDA, Apple MPS or CPU; {device} a device_* message;
    # the device's kind, name and threads are parameters too
    "training.out_of_memory": QT_TRANSLATE_NOOP(
        "Messages", "{accelerator} ran out of memory while training ({device}). Train again with a "
                    "smaller batch_size (now {batch_size}) or max_len (now {max_len}), or a smaller model."),
    "training.out_of_memory_kept": QT_TRANSLATE_NOOP(
        "Messages", "{accelerator} ran out of memory while training ({device}). Train again with a "
                    "smaller batch_size (now {batch_size}) or max_len (now {max_len}), or a smaller "
                    "model. The run's last checkpoint ({checkpoint}) is kept; resume it once other "
                    "programs have freed device memory."),
    "training.checkpoint_after_epoch": QT_TRANSLATE_NOOP("Messages", "end of epoch {epoch}, step {step}"),
    "training.checkpoint_in_epoch": QT_TRANSLATE_NOOP("Messages", "epoch {epoch}, step {step}"),
    # ----- run folders -----------------------------------------------------------------------
    "run.not_string_list": QT_TRANSLATE_NOOP("Messages", "{file}: must be a JSON list of strings."),
    "run.config_not_object": QT_TRANSLATE_NOOP("Messages", "{file}: must be a JSON object of settings."),
    "run.invalid_settings": QT_TRANSLATE_NOOP("Messages", "{file}: invalid settings:\n{problems}"),
    "run.not_an_event": QT_TRANSLATE_NOOP(
        "Messages", "{where}: not a training event (a JSON object with an \"event\" name)."),
    "run.leads_outside": QT_TRANSLATE_NOOP(
        "Messages", "{folder}: leads outside {parent}; the run is not written there."),
    "run.cannot_write": QT_TRANSLATE_NOOP("Messages", "{folder}: cannot write the run ({reason})."),
    "run.data_changed": QT_TRANSLATE_NOOP(
        "Messages", "{folder}: the data now gives another vocabulary or other labels than the run was "
                    "trained on; it cannot be resumed."),
    "run.bad_weights": QT_TRANSLATE_NOOP(
        "Messages", "{file}: cannot be read as safetensors weights ({reason}). The run is damaged, or "
                    "the file is not what the studio writes."),
    "run.metrics_short": QT_TRANSLATE_NOOP(
        "Messages", "{file}: holds fewer than the {lines} lines the checkpoint recorded."),
    "run.no_checkpoint": QT_TRANSLATE_NOOP(
        "Messages", "{folder}: no checkpoint to resume from (the run finished or never reached one)."),
    "run.checkpoint_rows": QT_TRANSLATE_NOOP(
        "Messages", "{folder}: the checkpoint was taken on {rows} training rows; the data now has {now}."),
    "run.checkpoint_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "{folder}: the checkpoint does not fit this model ({reason})."),
    # ----- checkpoint files --------------------------------------------------------------------
    "checkpoint.folder": QT_TRANSLATE_NOOP("Messages", "{folder}: the checkpoint folder"),
    "checkpoint.not_object": QT_TRANSLATE_NOOP("Messages", "{file}: the checkpoint must be a JSON object."),
    "checkpoint.unknown_format": QT_TRANSLATE_NOOP("Messages", "{file}: unknown checkpoint format {format}."),
    "checkpoint.bad_tensors": QT_TRANSLATE_NOOP(
        "Messages", "{file}: field 'tensors' must name a state-<number>.safetensors file beside it, "
                    "not {value}."),
    "checkpoint.bad_lines": QT_TRANSLATE_NOOP(
        "Messages", "{file}: field 'lines' must be a count of lines, not {value}."),
    "checkpoint.unreadable": QT_TRANSLATE_NOOP("Messages", "{folder}: the checkpoint cannot be read ({reason})."),
    # ----- evaluating a run ----------------------------------------------------------------------
    "evaluation.unknown_split": QT_TRANSLATE_NOOP("Messages", "split: {split} is not one of {splits}."),
    "evaluation.classes_changed": QT_TRANSLATE_NOOP(
        "Messages", "dataset: the data now has the classes {classes}, but run {run} was trained on "
                    "{trained}. Evaluate it on the data it was trained on."),
    # ----- the headless commands -------------------------------------------------------------------
    "cli.no_train_data": QT_TRANSLATE_NOOP(
        "Messages", "train: give the training data file, e.g. `studio train train.txt`."),
    "cli.no_texts": QT_TRANSLATE_NOOP(
        "Messages", "predict: give texts as arguments, with --file, or on standard input."),
    "cli.no_runs": QT_TRANSLATE_NOOP("Messages", "{project}: the project has no trained run yet; train one first."),
    "cli.no_such_run": QT_TRANSLATE_NOOP("Messages", "{project}: no run {run}; runs: {runs}."),
    "cli.no_column": QT_TRANSLATE_NOOP(
        "Messages", "{option}: no column {value}; the file has {columns} (give a 1-based number or a "
                    "header name)."),
    "cli.bad_set": QT_TRANSLATE_NOOP("Messages", "--set {pair}: write KEY=VALUE, e.g. --set num_filters=128."),
}
