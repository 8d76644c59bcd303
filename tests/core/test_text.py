"""Tokenizers, vocabulary and fixed-length encoding."""

from __future__ import annotations

import pytest
import torch

from studio.core.errors import ConfigError
from studio.core.text.encoding import encode
from studio.core.text.tokenizers import Tokenizer, TokenizerConfig
from studio.core.text.vocab import PAD, PAD_ID, UNK, UNK_ID, Vocab

# A made-up compound that jieba's default dictionary cuts into pieces.
MADE_UP_WORD = "蓝鲸飞毯码"
SENTENCE = f"我今天用{MADE_UP_WORD}付款了"


# ----- tokenizers --------------------------------------------------------------------
def test_char_tokenizer_drops_whitespace_and_lowercases():
    tokenizer = Tokenizer(TokenizerConfig(type="char"))
    assert tokenizer.tokenize("我爱 NLP\t!") == ["我", "爱", "n", "l", "p", "!"]
    assert tokenizer.tokenize("") == []
    assert tokenizer.tokenize("   ") == []


def test_char_tokenizer_can_keep_case():
    tokenizer = Tokenizer(TokenizerConfig(type="char", lowercase=False))
    assert tokenizer.tokenize("Ab") == ["A", "b"]


def test_whitespace_tokenizer():
    tokenizer = Tokenizer(TokenizerConfig(type="whitespace"))
    assert tokenizer.tokenize("  Hello   World\tfoo\nbar ") == ["hello", "world", "foo", "bar"]
    assert tokenizer.tokenize_many(["a b", "", "c"]) == [["a", "b"], [], ["c"]]


def test_jieba_tokenizer_cuts_words():
    tokenizer = Tokenizer(TokenizerConfig(type="jieba"))
    tokens = tokenizer.tokenize("我爱北京天安门")
    assert "".join(tokens) == "我爱北京天安门"
    assert "北京" in tokens or "北京天安门" in tokens
    assert len(tokens) < len("我爱北京天安门")  # words, not characters
    assert tokenizer.tokenize("你好 世界") == ["你好", "世界"]  # the space is dropped


def test_jieba_user_dictionary_keeps_a_compound_whole(tmp_path):
    plain = Tokenizer(TokenizerConfig(type="jieba")).tokenize(SENTENCE)
    assert MADE_UP_WORD not in plain  # precondition: jieba does not know the word

    user_dict = tmp_path / "user_dict.txt"
    user_dict.write_text(f"{MADE_UP_WORD} 100 n\n", encoding="utf-8")
    tokens = Tokenizer(TokenizerConfig(type="jieba", user_dict=str(user_dict))).tokenize(SENTENCE)
    assert MADE_UP_WORD in tokens
    assert "".join(tokens) == SENTENCE

    # the user dictionary belongs to that tokenizer only, not to jieba globally
    again = Tokenizer(TokenizerConfig(type="jieba")).tokenize(SENTENCE)
    assert again == plain


def test_missing_user_dictionary_is_a_config_error(tmp_path):
    tokenizer = Tokenizer(TokenizerConfig(type="jieba", user_dict=str(tmp_path / "nope.txt")))
    with pytest.raises(ConfigError, match="user_dict"):
        tokenizer.tokenize("你好")


def test_stopwords_are_removed(tmp_path):
    stopwords = tmp_path / "stopwords.txt"
    stopwords.write_text("的\n了\n\n  是  \n", encoding="utf-8")
    config = TokenizerConfig(type="char", stopwords=str(stopwords))
    assert Tokenizer(config).tokenize("我的书是新的了") == ["我", "书", "新"]

    jieba_tok = Tokenizer(TokenizerConfig(type="jieba", stopwords=str(stopwords)))
    tokens = jieba_tok.tokenize("这是我的书")
    assert "的" not in tokens and "是" not in tokens
    assert "书" in tokens


def test_missing_stopword_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="stopwords"):
        Tokenizer(TokenizerConfig(stopwords=str(tmp_path / "missing.txt")))


def test_unknown_tokenizer_type_is_rejected():
    with pytest.raises(Exception, match="type"):
        TokenizerConfig(type="bpe")


# ----- vocabulary --------------------------------------------------------------------
def test_vocab_special_ids_and_order():
    vocab = Vocab.build([["b", "a", "b"], ["c", "a", "b"]])
    assert vocab.tokens[PAD_ID] == PAD and PAD_ID == 0
    assert vocab.tokens[UNK_ID] == UNK and UNK_ID == 1
    assert vocab.tokens == [PAD, UNK, "b", "a", "c"]  # by falling count, ties by first seen
    assert len(vocab) == 5
    assert vocab.encode(["a", "zzz", "c"]) == [3, 1, 4]
    assert vocab.decode([2, 3, 4]) == ["b", "a", "c"]
    assert "a" in vocab and "zzz" not in vocab


def test_vocab_min_freq():
    vocab = Vocab.build([["x", "x", "x", "y", "y", "z"]], min_freq=2)
    assert vocab.tokens == [PAD, UNK, "x", "y"]
    assert vocab.encode(["z"]) == [UNK_ID]


def test_vocab_max_size_counts_pad_and_unk():
    tokens = [[f"t{i}"] * (20 - i) for i in range(10)]  # t0 most frequent
    vocab = Vocab.build(tokens, max_size=5)
    assert len(vocab) == 5
    assert vocab.tokens == [PAD, UNK, "t0", "t1", "t2"]
    assert Vocab.build(tokens, max_size=2).tokens == [PAD, UNK]


def test_vocab_min_freq_and_max_size_together():
    lists = [["a"] * 5 + ["b"] * 4 + ["c"] * 3 + ["d"]]
    assert Vocab.build(lists, min_freq=2, max_size=10).tokens == [PAD, UNK, "a", "b", "c"]
    assert Vocab.build(lists, min_freq=4, max_size=3).tokens == [PAD, UNK, "a"]


def test_vocab_ignores_special_tokens_in_the_data():
    vocab = Vocab.build([[PAD, UNK, "w", PAD]])
    assert vocab.tokens == [PAD, UNK, "w"]


def test_vocab_rejects_bad_token_lists():
    with pytest.raises(ConfigError):
        Vocab(["a", "b"])
    with pytest.raises(ConfigError):
        Vocab([PAD, UNK, "a", "a"])


# ----- encoding ----------------------------------------------------------------------
def test_encode_pads_truncates_and_measures():
    vocab = Vocab.build([["我", "爱", "你"], ["我"]])
    ids, lengths = encode([["我", "爱", "你", "我", "爱"], ["你"], [], ["没见过"]], vocab, max_len=3)
    assert ids.dtype == torch.long and lengths.dtype == torch.long
    assert ids.shape == (4, 3)
    me, love, you = vocab.encode(["我", "爱", "你"])
    assert ids.tolist() == [
        [me, love, you],  # truncated to max_len
        [you, PAD_ID, PAD_ID],  # padded on the right
        [PAD_ID, PAD_ID, PAD_ID],  # empty text
        [UNK_ID, PAD_ID, PAD_ID],  # unknown token
    ]
    assert lengths.tolist() == [3, 1, 1, 1]  # an empty text counts one position


def test_encode_no_rows():
    ids, lengths = encode([], Vocab.build([]), max_len=7)
    assert ids.shape == (0, 7)
    assert lengths.shape == (0,)
