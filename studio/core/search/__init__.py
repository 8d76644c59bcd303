"""Hyperparameter search on Optuna: the space (:mod:`.space`) proposed from the settings'
schemas, and the study (:mod:`.study`) whose trials are runs of the project."""

MIN_FOR_IMPORTANCE = 4  # finished trials before the settings' importances mean anything
