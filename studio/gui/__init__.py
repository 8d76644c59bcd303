"""The PySide6 + pyqtgraph desktop application over :mod:`studio.core`."""
