"""Panels of the main window; each talks to the controller, never to another panel."""
