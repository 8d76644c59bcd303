"""Messages of the hyperparameter search: its settings, its trials and why one ended early."""

from studio.core.messages.marker import QT_TRANSLATE_NOOP

MESSAGES = {
    "search.unknown_setting": QT_TRANSLATE_NOOP(
        "Messages", "search: {key} is not a setting a search can vary. Choose from: {choices}."),
    "search.empty_space": QT_TRANSLATE_NOOP(
        "Messages", "search: choose at least one setting to search (for example training.lr)."),
    "search.bad_name": QT_TRANSLATE_NOOP(
        "Messages", "search: the name {name!r} cannot be a file name. Use letters, digits, - and _ "
                    "(at most 64)."),
    "search.no_budget": QT_TRANSLATE_NOOP(
        "Messages", "search: give a number of trials, a time limit, or both."),
    "search.other_model": QT_TRANSLATE_NOOP(
        "Messages", "{file} holds a search of {found}, not {model}. Give the search another name."),
    "search.unreadable": QT_TRANSLATE_NOOP(
        "Messages", "{file} cannot be read as a search ({reason}). Move it away or give the search "
                    "another name."),
    # ----- why a trial ended without a value ---------------------------------------------
    "search.trial_invalid": QT_TRANSLATE_NOOP("Messages", "these settings cannot work: {problems}"),
    "search.trial_pruned": QT_TRANSLATE_NOOP(
        "Messages", "pruned after epoch {epoch}: validation accuracy {value} below the other trials'"),
    "search.trial_failed": QT_TRANSLATE_NOOP("Messages", "failed: {error}"),
    "search.trial_interrupted": QT_TRANSLATE_NOOP(
        "Messages", "interrupted (the search stopped or the studio closed); tried again"),
    "cli.bad_duration": QT_TRANSLATE_NOOP(
        "Messages", "{option}: {value!r} is not a duration. Write seconds, or a number with s, m or h: "
                    "90s, 30m, 1.5h."),
    "cli.bad_range": QT_TRANSLATE_NOOP(
        "Messages", "--range {value!r}: write KEY=LOW:HIGH for a number (lr=1e-4:1e-2) or KEY=A/B/C for "
                    "choices, for a searched setting: {keys}."),
    "stage.search_trial": QT_TRANSLATE_NOOP("Messages", "Trial {number}…"),
}
