"""Text classification and sentence-pair models. Importing this package registers every model.

Each module in this package registers its model with ``@register_model``; they are all
imported here, so adding a model means adding one module. Each declares the tasks it
serves; :mod:`studio.core.models.registry` says what input each task gives a model.
"""

import importlib
import pkgutil

from studio.core.models.registry import (  # noqa: F401
    TASKS,
    build_model,
    check_task,
    config_problems,
    count_parameters,
    default_config,
    get_entry,
    model_names,
    parse_config,
    register_model,
    takes_pairs,
)

_SKIP = {"registry", "layers", "summary", "pretrained"}
for _module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if _module.name not in _SKIP:
        importlib.import_module(f"{__name__}.{_module.name}")
