"""Everything the main window builds once PyTorch has loaded: the tabs, the project and
training models, file operations, autosave and the dialogs that need the core.

Importing this module is the slow part of start-up (:mod:`studio.gui.startup` imports it
on a worker after the first paint); :class:`~studio.gui.main_window.MainWindow` imports it
only when it builds its tabs.
"""

from studio.core.training.device import choose_device, device_info
from studio.gui.autosave import Autosaver
from studio.gui.data_loader import DataLoader, LoadedData
from studio.gui.project_files import ProjectFiles
from studio.gui.project_model import ProjectModel
from studio.gui.tabs.dataset_tab import DatasetTab
from studio.gui.tabs.inference_tab import InferenceTab
from studio.gui.tabs.model_tab import ModelTab
from studio.gui.tabs.playground_tab import PlaygroundTab
from studio.gui.tabs.retrieval_tab import RetrievalTab
from studio.gui.tabs.training_tab import TrainingTab
from studio.gui.tabs.vectors_tab import VectorsTab
from studio.gui.training_session import TrainingSession
from studio.gui.versions import versions
from studio.gui.widgets.export_model_dialog import ExportModelDialog
from studio.gui.widgets.runs_view import status_text

__all__ = ["Autosaver", "DataLoader", "DatasetTab", "ExportModelDialog", "InferenceTab", "LoadedData", "ModelTab",
           "PlaygroundTab", "ProjectFiles", "ProjectModel", "RetrievalTab", "TrainingSession", "TrainingTab",
           "VectorsTab", "choose_device", "device_info", "status_text", "versions"]
