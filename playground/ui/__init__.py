"""The Qt face of the playground: window, panels, result views and widgets (PySide6 + pyqtgraph)."""
