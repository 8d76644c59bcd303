"""Predict labels for new text with a trained run."""
