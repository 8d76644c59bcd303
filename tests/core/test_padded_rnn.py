"""The recurrence torch.export can trace (:func:`studio.core.models.layers.run_padded`,
:func:`~studio.core.models.layers.last_states`) gives what packing gives, for every cell,
one or two layers, one or two directions."""

from __future__ import annotations

import threading

import pytest
import torch
from torch import nn

from studio.core.models.export_mode import exporting, tracing_for_export
from studio.core.models.layers import last_states, run_packed, run_padded


@pytest.mark.parametrize("cell", [nn.RNN, nn.GRU, nn.LSTM])
@pytest.mark.parametrize("layers, bidirectional", [(1, False), (1, True), (2, True), (2, False)])
def test_padded_recurrence_matches_packing(cell, layers, bidirectional):
    torch.manual_seed(0)
    rnn = cell(6, 5, num_layers=layers, bidirectional=bidirectional, batch_first=True).eval()
    x = torch.randn(4, 9, 6)
    lengths = torch.tensor([9, 3, 1, 6])
    x[1, 3:] = 7.0  # whatever sits past a text's end must not matter
    with torch.no_grad():
        packed = run_packed(rnn, x, lengths)
        padded = run_padded(rnn, x, lengths)
        torch.testing.assert_close(padded, packed, atol=1e-6, rtol=1e-5)
        assert (padded[1, 3:] == 0).all()
        _, state = rnn(nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False))
        h = state[0] if isinstance(state, tuple) else state
        expected = h[-(2 if bidirectional else 1):]
        torch.testing.assert_close(last_states(rnn, x, lengths), expected)


def test_last_states_while_exporting_match_packing(monkeypatch):
    torch.manual_seed(1)
    rnn = nn.LSTM(6, 5, num_layers=2, bidirectional=True, batch_first=True).eval()
    x, lengths = torch.randn(3, 7, 6), torch.tensor([7, 2, 4])
    with torch.no_grad():
        packed = last_states(rnn, x, lengths)
        monkeypatch.setattr(torch.compiler, "is_exporting", lambda: True)
        with tracing_for_export():
            torch.testing.assert_close(last_states(rnn, x, lengths), packed, atol=1e-6, rtol=1e-5)


def test_only_the_exporting_thread_takes_the_export_paths(monkeypatch):
    monkeypatch.setattr(torch.compiler, "is_exporting", lambda: True)  # torch's flag is process-wide
    assert not exporting()
    seen = {}
    with tracing_for_export():
        assert exporting()
        other = threading.Thread(target=lambda: seen.update(other=exporting()))
        other.start()
        other.join()
    assert seen == {"other": False} and not exporting()  # a model training meanwhile is untouched
