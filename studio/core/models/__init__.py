"""Text classification models. Importing this package registers every model."""

from studio.core.models import fasttext, textcnn, textrnn  # noqa: F401  (registers models)
from studio.core.models.registry import (  # noqa: F401
    build_model,
    count_parameters,
    default_config,
    get_entry,
    model_names,
    parse_config,
    register_model,
)
