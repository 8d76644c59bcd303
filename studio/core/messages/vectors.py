"""Messages of the vectors area: code → English text with {named} parameters.

Word-vector files (reading and their bounds), word2vec training, pretrained embeddings,
coverage and the explorer. ``{file}`` is always the path of the file concerned.
"""

from studio.core.messages.marker import QT_TRANSLATE_NOOP

MESSAGES = {
    # ----- what a file should be, and which kind it was read as (nested in the errors)
    "vectors.kind_text": QT_TRANSLATE_NOOP("Messages", "text"),
    "vectors.kind_binary": QT_TRANSLATE_NOOP("Messages", "binary"),
    "vectors.expected_text": QT_TRANSLATE_NOOP(
        "Messages", "UTF-8 lines of a word followed by its numbers, with an optional 'count dim' "
                    "first line (.txt, .vec)"),
    "vectors.expected_binary": QT_TRANSLATE_NOOP(
        "Messages", "the word2vec.c binary format: a 'count dim' line, then each word and its "
                    "float32 values (.bin)"),
    "vectors.header_declares": QT_TRANSLATE_NOOP(
        "Messages", "its first line declares {count:,} vectors of {dim:,} dimensions"),
    "vectors.first_line_holds": QT_TRANSLATE_NOOP(
        "Messages", "its first line holds a vector of {dim:,} dimensions"),

    # ----- reading a vectors file
    "vectors.no_such_file": QT_TRANSLATE_NOOP("Messages", "{file}: no such file; choose a word-vector file."),
    "vectors.pickle_refused": QT_TRANSLATE_NOOP(
        "Messages", "{file}: gensim {suffix} files are Python pickles, which can run code when opened, "
                    "so the studio does not read them. In gensim, save them with "
                    "kv.save_word2vec_format('vectors.bin', binary=True) and import that file."),
    "vectors.compressed_npz": QT_TRANSLATE_NOOP(
        "Messages", "{file}: a compressed .npz cannot be read; unpack it to {name} first (.npz files "
                    "are already zip archives)."),
    "vectors.out_of_memory": QT_TRANSLATE_NOOP(
        "Messages", "{file}: does not fit in memory: reading its vectors ran out of memory. Read fewer "
                    "vectors (set a limit on how many to read: published files list frequent words "
                    "first) or free memory, then try again."),
    "vectors.unreadable_word2vec": QT_TRANSLATE_NOOP(
        "Messages", "{file}: cannot be read as word2vec {kind} vectors ({error}). Expected {expected}."),
    "vectors.no_numbers": QT_TRANSLATE_NOOP(
        "Messages", "{file}: cannot be read as word2vec {kind} vectors: it holds no numbers. "
                    "Expected {expected}."),
    "vectors.unreadable": QT_TRANSLATE_NOOP("Messages", "{file}: cannot be read ({error}). Expected {expected}."),
    "vectors.empty_file": QT_TRANSLATE_NOOP("Messages", "{file}: the file is empty. Expected {expected}."),
    "vectors.bad_binary_header": QT_TRANSLATE_NOOP(
        "Messages", "{file}: cannot be read as word2vec binary vectors: the first line must be "
                    "'count dim', two whole numbers, not {shown}. Expected {expected}."),
    "vectors.negative_count": QT_TRANSLATE_NOOP(
        "Messages", "{file}: cannot be read as word2vec binary vectors: the first line 'count dim' "
                    "declares {count:,} vectors. Expected {expected}."),
    "vectors.no_numbers_where": QT_TRANSLATE_NOOP(
        "Messages", "{file}: cannot be read as word2vec {kind} vectors: {where}: it holds no numbers. "
                    "Expected {expected}."),
    "vectors.too_wide": QT_TRANSLATE_NOOP(
        "Messages", "{file}: {where}, but the studio reads vectors of at most {most:,} dimensions; the "
                    "file is damaged or not word vectors. Choose another file."),
    "vectors.too_large": QT_TRANSLATE_NOOP(
        "Messages", "{file}: too large for the memory available: {rows:,} vectors of {dim:,} dimensions "
                    "need about {need} of memory, but {available} is available. Read fewer vectors "
                    "(set a limit on how many to read: published files list frequent words first) or "
                    "free memory, then try again."),
    "vectors.too_large_so_far": QT_TRANSLATE_NOOP(
        "Messages", "{file}: too large for the memory available: at least {rows:,} vectors of {dim:,} "
                    "dimensions need about {need} of memory, but {available} is available. Read fewer "
                    "vectors (set a limit on how many to read: published files list frequent words "
                    "first) or free memory, then try again."),
    "vectors.long_line": QT_TRANSLATE_NOOP(
        "Messages", "{file}: line {line:,} is longer than {most:,} bytes, more than a word and {dim:,} "
                    "numbers take, so it is damaged or not word vectors. Expected {expected}."),
    "vectors.long_word_text": QT_TRANSLATE_NOOP(
        "Messages", "{file}: line {line:,} starts with a word longer than {most:,} bytes; a word and its "
                    "numbers must be separated by spaces, so the file is damaged or not word vectors. "
                    "Expected {expected}."),
    "vectors.long_word_binary": QT_TRANSLATE_NOOP(
        "Messages", "{file}: word {word:,} is longer than {most:,} bytes (no space ends it), so the file "
                    "is damaged or not in the word2vec binary format. Expected {expected}."),
    "vectors.compression_ratio": QT_TRANSLATE_NOOP(
        "Messages", "{file}: decompresses to more than {ratio} times its size before its vectors end; "
                    "word vectors compress far less, so the file is damaged or not word vectors. "
                    "Choose another file."),
    "vectors.decompressed_too_much": QT_TRANSLATE_NOOP(
        "Messages", "{file}: decompresses to more than {budget} ({factor} times the {available} of memory "
                    "available) before its vectors end; word vectors that fit in memory take less, so "
                    "the file is damaged or not word vectors. Choose another file."),

    # ----- .npz matrices and their vocabulary files
    "vectors.not_npz": QT_TRANSLATE_NOOP("Messages", "{file}: not an .npz archive (numpy.savez writes one)."),
    "vectors.npz_no_embeddings": QT_TRANSLATE_NOOP(
        "Messages", "{file}: no 'embeddings' array inside (it has {names})."),
    "vectors.npz_empty": QT_TRANSLATE_NOOP("Messages", "{file}: no 'embeddings' array inside (it has nothing)."),
    "vectors.npz_short_data": QT_TRANSLATE_NOOP(
        "Messages", "{file}: 'embeddings' holds {data_bytes:,} bytes of data but its shape needs "
                    "{needed:,} ({rows:,} × {dim:,} × {item_bytes}); the file is damaged. Save the matrix "
                    "again with numpy.savez."),
    "vectors.npz_vocab_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "{file}: 'embeddings' has {rows:,} rows but {vocab} lists {tokens:,} tokens; row i "
                    "must belong to token i."),
    "vectors.unreadable_npz": QT_TRANSLATE_NOOP("Messages", "{file}: cannot be read as .npz ({error})."),
    "vectors.npy_version": QT_TRANSLATE_NOOP(
        "Messages", "{file}: 'embeddings' is in .npy format {version}, which this studio cannot read; "
                    "save it with numpy.savez."),
    "vectors.npy_shape": QT_TRANSLATE_NOOP(
        "Messages", "{file}: 'embeddings' must be a 2-D float matrix (count, dim) in C order; it is "
                    "{dtype} with shape {shape}."),
    "vectors.npy_no_numbers": QT_TRANSLATE_NOOP(
        "Messages", "{file}: 'embeddings' has shape {shape}: it holds no numbers. Save a (count, dim) "
                    "matrix of word vectors with numpy.savez."),
    "vectors.npy_too_wide": QT_TRANSLATE_NOOP(
        "Messages", "{file}: 'embeddings' has vectors of {dim:,} dimensions, but the studio reads vectors "
                    "of at most {most:,}; the file is damaged or not word vectors. Choose another file."),
    "vectors.no_vocab_file": QT_TRANSLATE_NOOP(
        "Messages", "{file}: no vocabulary file found beside it (looked for {names}); choose the file "
                    "that lists one token per row of 'embeddings'."),
    "vectors.vocab_not_file": QT_TRANSLATE_NOOP(
        "Messages", "{file}: missing or not a regular file; choose the vocabulary file."),
    "vectors.vocab_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "{file}: cannot be read as a UTF-8 vocabulary file ({error})."),
    "vectors.vocab_bad_json": QT_TRANSLATE_NOOP("Messages", "{file}: not valid JSON ({error})."),
    "vectors.vocab_not_list": QT_TRANSLATE_NOOP("Messages", "{file}: must be a JSON list of token strings."),
    "vectors.vocab_empty_line": QT_TRANSLATE_NOOP(
        "Messages", "{file}, line {line}: empty; each line must hold one token."),
    "vectors.vocab_duplicate": QT_TRANSLATE_NOOP("Messages", "{file}, entry {entry}: {word} is listed twice."),

    # ----- word2vec in a project
    "vectors.open_data_first": QT_TRANSLATE_NOOP("Messages", "open a data file first."),
    "vectors.min_count_too_high": QT_TRANSLATE_NOOP(
        "Messages", "no token occurs {min_count} times in the {texts:,} texts; lower min_count or use "
                    "more text."),
    "vectors.stage_tokenizing": QT_TRANSLATE_NOOP("Messages", "Tokenizing the training texts…"),
    "vectors.stage_training": QT_TRANSLATE_NOOP("Messages", "Training word2vec on {texts:,} texts…"),
    "vectors.describe_trained": QT_TRANSLATE_NOOP(
        "Messages", "{count:,} words × {dimension} dimensions, trained on {data}"),
    "vectors.describe_imported": QT_TRANSLATE_NOOP(
        "Messages", "{count:,} words × {dimension} dimensions, imported from {file}"),
    "vectors.coverage": QT_TRANSLATE_NOOP(
        "Messages", "{found:,} of {total:,} vocabulary entries have vectors ({vocab_share:.1%}), covering "
                    "{occurrence_share:.1%} of the {tokens:,} tokens in the training texts"),

    # ----- pretrained embeddings
    "vectors.dimension_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "the word vectors have {vectors_dim} dimensions but embedding_dim is {dim}; set "
                    "embedding_dim to {vectors_dim}."),
    "vectors.in_file": QT_TRANSLATE_NOOP("Messages", "{problem} (pretrained_vectors: {file})"),

    # ----- the explorer
    "vectors.type_a_word": QT_TRANSLATE_NOOP("Messages", "Type a word."),
    "vectors.unknown_word": QT_TRANSLATE_NOOP(
        "Messages", "{word} has no vector (it is not among the {count:,} words)."),
    "vectors.unknown_word_alike": QT_TRANSLATE_NOOP(
        "Messages", "{word} has no vector (it is not among the {count:,} words). Words that start alike: "
                    "{alike}."),
    "vectors.map_too_few": QT_TRANSLATE_NOOP(
        "Messages", "A map needs at least 3 words; these vectors hold {count}."),

    # ----- the command line (studio vectors ...)
    "vectors.cli_limit": QT_TRANSLATE_NOOP(
        "Messages", "--limit {limit}: give at least 1, or leave it out to read every vector."),
    "vectors.cli_out_not_bin": QT_TRANSLATE_NOOP(
        "Messages", "--out {file}: the vectors are written in the word2vec binary format; give a file "
                    "name ending in .bin."),
    "vectors.cli_topn": QT_TRANSLATE_NOOP("Messages", "--topn {topn}: give at least 1."),
}
