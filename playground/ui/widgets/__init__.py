"""Small shared widgets for views and panels: image canvases, plots, audio playback."""
