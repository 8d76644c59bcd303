"""Messages of the models area: an unknown model, its sizes, and settings that are valid
alone but impossible for the texts' ``max_len`` (``problems(max_len)``)."""

from studio.core.messages.marker import QT_TRANSLATE_NOOP

MESSAGES = {
    "model.unknown_type": QT_TRANSLATE_NOOP("Messages", "model type: unknown model {name}; choose one of {choices}."),
    "model.too_few_classes": QT_TRANSLATE_NOOP("Messages", "need at least 2 classes, got {num_classes}."),
    "model.cannot_run": QT_TRANSLATE_NOOP("Messages", "this model cannot run on {max_len}-token texts: {error}"),
    # validators of single settings
    "model.ngram_size": QT_TRANSLATE_NOOP("Messages", "n-gram sizes must be between 2 and 6, got {size}"),
    "model.heads_divide": QT_TRANSLATE_NOOP(
        "Messages", "hidden_size {hidden_size} is not divisible by num_heads {num_heads}; pick num_heads "
                    "among {choices} or change hidden_size."),
    # settings too large for max_len
    "model.kernel_too_wide": QT_TRANSLATE_NOOP(
        "Messages", "kernel size {kernel} is wider than max_len {max_len}: no window fits a text. Use "
                    "kernels of at most {max_len} tokens or raise max_len."),
    "model.ngrams_too_long": QT_TRANSLATE_NOOP(
        "Messages", "{n}-grams need texts of at least {n} tokens but max_len is {max_len}; use n-grams of "
                    "at most {max_len} tokens."),
    "model.positions_too_few": QT_TRANSLATE_NOOP(
        "Messages", "learned positions stop at {max_positions} but max_len is {max_len}: later tokens "
                    "would share the last position. Raise max_positions to at least {max_len}, lower "
                    "max_len or use sinusoidal positions."),
    "model.dpcnn_too_short": QT_TRANSLATE_NOOP(
        "Messages", "DPCNN with {blocks} halves the text {times} and needs max_len >= {needed} (now "
                    "{max_len}); {advice}"),
    "model.dpcnn_fewer_blocks": QT_TRANSLATE_NOOP("Messages", "use at most {blocks} or raise max_len."),
    "model.dpcnn_raise_max_len": QT_TRANSLATE_NOOP("Messages", "raise max_len to at least {needed}."),
    "model.one_block": QT_TRANSLATE_NOOP("Messages", "1 block"),
    "model.blocks": QT_TRANSLATE_NOOP("Messages", "{count} blocks"),
    "model.once": QT_TRANSLATE_NOOP("Messages", "1 time"),
    "model.times": QT_TRANSLATE_NOOP("Messages", "{count} times"),
    "model.needs_pairs": QT_TRANSLATE_NOOP(
        "Messages", "{model} compares two texts: it needs a sentence-pair dataset (two text columns), "
                    "or choose a model for single texts."),
    "model.wrong_task": QT_TRANSLATE_NOOP(
        "Messages", "{model} does not serve this project's task, {task}: choose one of {choices}, or change "
                    "the data's columns (a second text column makes a sentence-pair project)."),
    "model.task_classification": QT_TRANSLATE_NOOP("Messages", "text classification"),
    "model.task_pair": QT_TRANSLATE_NOOP("Messages", "sentence-pair matching"),
}
