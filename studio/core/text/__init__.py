"""Tokenizers, vocabulary and fixed-length id encoding."""
