"""BiLSTM: both ways of computing it give the packed LSTM's outputs, and PAD changes nothing."""

import pytest
import torch
from torch import nn

from studio.core.models.bilstm import BiLSTM
from studio.core.models.layers import Dropout


@pytest.fixture
def batch():
    torch.manual_seed(3)
    lengths = torch.tensor([5, 1, 3, 5, 2])
    return torch.randn(5, 5, 4), lengths


def test_padded_matches_packed_outputs_and_gradients(batch):
    x, lengths = batch
    lstm = BiLSTM(4, 6)
    packed, padded = lstm.packed(x, lengths), lstm.padded(x, lengths)
    assert packed.shape == (5, 5, 12)
    torch.testing.assert_close(padded, packed, atol=1e-6, rtol=1e-5)
    x = x.requires_grad_()
    grads = [torch.autograd.grad(out.pow(2).sum(), (lstm.weight_hh_l0_reverse, x))
             for out in (lstm.packed(x, lengths), lstm.padded(x, lengths))]
    for padded_grad, packed_grad in zip(grads[1], grads[0], strict=True):  # the weights, then the input
        torch.testing.assert_close(padded_grad, packed_grad, atol=1e-5, rtol=1e-4)
    assert padded[1, 1:].abs().sum() == 0, "positions after a text's end are zero"


def test_state_dict_is_that_of_a_bidirectional_lstm():
    lstm = BiLSTM(4, 6)
    reference = nn.LSTM(4, 6, batch_first=True, bidirectional=True)
    assert lstm.state_dict().keys() == reference.state_dict().keys()
    lstm.load_state_dict(reference.state_dict())


@pytest.mark.parametrize("bf16", [False, True])
def test_appended_pad_changes_no_output(batch, bf16):
    x, lengths = batch
    lstm = BiLSTM(4, 6).eval()
    longer = torch.cat([x, torch.randn(5, 3, 4)], dim=1)  # 3 more PAD positions of noise
    with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
        short, long = lstm(x, lengths), lstm(longer, lengths)
    torch.testing.assert_close(long[:, :5].float(), short.float(), atol=1e-2 if bf16 else 1e-6, rtol=0)
    assert long[:, 5:].abs().sum() == 0


def test_dropout_keeps_about_one_minus_p_and_scales():
    torch.manual_seed(0)
    dropout = Dropout(0.3)
    out = dropout(torch.ones(200_000))
    kept = out > 0
    assert abs(kept.float().mean().item() - 0.7) < 0.01
    torch.testing.assert_close(out[kept], torch.full_like(out[kept], 1 / 0.7))
    dropout.eval()
    assert torch.equal(dropout(torch.ones(3)), torch.ones(3))
    assert torch.equal(Dropout(1.0)(torch.ones(3)), torch.zeros(3))


def test_dropout_lanes_are_independent_and_replayable():
    """Four mask entries come from each 64-bit word: neighbours must not be correlated."""
    torch.manual_seed(1)
    kept = (Dropout(0.5)(torch.ones(400_003)) > 0).float()  # not a multiple of 4
    assert abs(kept.mean().item() - 0.5) < 0.005
    for lag in (1, 2, 3, 4):
        assert abs(torch.corrcoef(torch.stack([kept[:-lag], kept[lag:]]))[0, 1].item()) < 0.01, lag
    torch.manual_seed(1)
    assert torch.equal((Dropout(0.5)(torch.ones(400_003)) > 0).float(), kept)
    x = torch.ones(7, 5, dtype=torch.bfloat16, requires_grad=True)
    out = Dropout(0.2)(x)
    assert out.dtype == torch.bfloat16
    out.sum().backward()
    torch.testing.assert_close(x.grad, out.detach())  # the gradient is the mask itself


def test_bf16_takes_the_fused_kernel_only_on_a_cpu_with_native_bf16(batch, monkeypatch):
    """oneDNN has no bf16 LSTM on an AVX2-only CPU ("could not create a primitive
    descriptor"): a bf16 run there must take the packed path, and still run."""
    import studio.core.models.bilstm as bilstm

    x, lengths = batch
    for native in (False, True):
        monkeypatch.setattr(bilstm, "native_bf16", lambda device, native=native: native)
        with torch.autocast("cpu", dtype=torch.bfloat16):
            assert bilstm._fused_is_faster(x) == native
            assert not bilstm._fused_is_faster(x.to("meta"))  # only on the CPU
    monkeypatch.setattr(bilstm, "native_bf16", lambda device: False)
    with torch.autocast("cpu", dtype=torch.bfloat16):
        assert BiLSTM(4, 6)(x, lengths).shape == (5, 5, 12)
