"""Text Model Studio: build, train and use neural text models, Chinese first."""

__version__ = "0.1.0"
