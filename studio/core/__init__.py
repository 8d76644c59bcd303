"""Qt-free core of the studio: data, text, models, training, inference, projects.

Nothing under this package may import PySide6, shiboken6 or pyqtgraph.
"""
