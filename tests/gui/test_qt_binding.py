"""The Qt binding must not lose references to None.

PySide6 6.12.0 dropped a reference to ``None`` on every call of a method returning
void (``QProgressBar.setValue``, ``QLabel.setText``...). The studio makes such calls
several times a second while it trains, so after some thousands of them Python aborted
("deallocating None"), taking the open project with it. constraints.txt pins a release
without the bug; this test catches a release that brings it back.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel, QProgressBar


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12: its count never moves")
def test_void_methods_keep_the_references_to_none(qapp):
    bar, label = QProgressBar(), QLabel()
    before = sys.getrefcount(None)
    for value in range(500):  # few enough to be safe even with the bug
        bar.setValue(value % 100)
        label.setText("x")
    assert sys.getrefcount(None) - before > -100
